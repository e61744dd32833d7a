using System.Text.Json;
using Lightbridge.Salesforce.Http;

namespace Lightbridge.Salesforce.Bulk;

/// <summary>
/// The Bulk API 2.0 ingest wire client: one method per endpoint and nothing else (STYLE G4;
/// shared/reference/salesforce-api.md §1.1). Creating a job and uploading are never retried blindly: a
/// retry after a lost response would load the data twice.
/// </summary>
internal sealed class BulkIngestApi
{
    private readonly SalesforceHttpPipeline _pipeline;
    private readonly string _root;

    public BulkIngestApi(SalesforceHttpPipeline pipeline, SalesforceRoutes routes)
    {
        _pipeline = pipeline;
        _root = routes.Root + "jobs/ingest";
    }

    /// <summary><c>POST /jobs/ingest</c>: returns the Open job.</summary>
    public async Task<BulkJobInfo> CreateJobAsync(
        string sObject, BulkOperation operation, string? externalIdField, BulkColumnDelimiter delimiter, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("object", SalesforceRoutes.ApiName(sObject, nameof(sObject)));
            writer.WriteString("operation", operation.ToWire());
            if (externalIdField is not null)
            {
                writer.WriteString("externalIdFieldName", SalesforceRoutes.ApiName(externalIdField, nameof(externalIdField)));
            }

            writer.WriteString("contentType", "CSV");
            writer.WriteString("columnDelimiter", delimiter.ToWire());
            writer.WriteString("lineEnding", BulkLineEnding.Lf.ToWire());
            writer.WriteEndObject();
        }

        var json = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var response = await SendAsync(HttpMethod.Post, _root, SalesforceApiCallKind.BulkJob, idempotent: false, json, ct).ConfigureAwait(false);
        return BulkJobInfo.Parse(response.Body);
    }

    /// <summary><c>PUT /jobs/ingest/{id}/batches</c> with CSV: 201, no body.</summary>
    public Task UploadAsync(string jobId, ReadOnlyMemory<byte> csv, CancellationToken ct) =>
        _pipeline.SendAsync(
            new SalesforceRequest(HttpMethod.Put, Job(jobId) + "/batches", SalesforceApiCallKind.BulkUpload, Idempotent: false) { CsvBody = csv },
            ct);

    /// <summary><c>PATCH /jobs/ingest/{id}</c> <c>{"state":"UploadComplete"}</c>.</summary>
    public async Task<BulkJobInfo> CloseAsync(string jobId, CancellationToken ct) =>
        BulkJobInfo.Parse((await SendAsync(HttpMethod.Patch, Job(jobId), SalesforceApiCallKind.BulkJob, idempotent: false, """{"state":"UploadComplete"}""", ct)
            .ConfigureAwait(false)).Body);

    /// <summary><c>PATCH /jobs/ingest/{id}</c> <c>{"state":"Aborted"}</c>.</summary>
    public async Task<BulkJobInfo> AbortAsync(string jobId, CancellationToken ct) =>
        BulkJobInfo.Parse((await SendAsync(HttpMethod.Patch, Job(jobId), SalesforceApiCallKind.BulkJob, idempotent: false, """{"state":"Aborted"}""", ct)
            .ConfigureAwait(false)).Body);

    /// <summary><c>GET /jobs/ingest/{id}</c>.</summary>
    public async Task<BulkJobInfo> GetJobAsync(string jobId, CancellationToken ct) =>
        BulkJobInfo.Parse((await SendAsync(HttpMethod.Get, Job(jobId), SalesforceApiCallKind.BulkPoll, idempotent: true, null, ct).ConfigureAwait(false)).Body);

    /// <summary><c>GET …/successfulResults/</c>: <c>sf__Created</c>, <c>sf__Id</c>, then the original columns.</summary>
    public Task<string> SuccessfulResultsAsync(string jobId, CancellationToken ct) => ResultsAsync(jobId, "successfulResults/", ct);

    /// <summary><c>GET …/failedResults/</c>: <c>sf__Error</c>, <c>sf__Id</c>, then the original columns.</summary>
    public Task<string> FailedResultsAsync(string jobId, CancellationToken ct) => ResultsAsync(jobId, "failedResults/", ct);

    /// <summary><c>GET …/unprocessedrecords/</c> (lower-case r, §1.1): the original columns only.</summary>
    public Task<string> UnprocessedRecordsAsync(string jobId, CancellationToken ct) => ResultsAsync(jobId, "unprocessedrecords/", ct);

    private async Task<string> ResultsAsync(string jobId, string file, CancellationToken ct) =>
        (await _pipeline.SendAsync(
            new SalesforceRequest(HttpMethod.Get, Job(jobId) + "/" + file, SalesforceApiCallKind.BulkResults, Idempotent: true) { Accept = "text/csv" },
            ct).ConfigureAwait(false)).Body;

    private string Job(string jobId) => _root + "/" + SalesforceRoutes.RecordId(jobId);

    private Task<SalesforceResponse> SendAsync(HttpMethod method, string path, SalesforceApiCallKind kind, bool idempotent, string? json, CancellationToken ct) =>
        _pipeline.SendAsync(new SalesforceRequest(method, path, kind, idempotent) { JsonBody = json }, ct);
}
