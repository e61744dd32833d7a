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

    /// <summary>
    /// <c>PUT /jobs/ingest/{id}/batches</c> with CSV written as it is sent: 201, no body. <paramref name="csv"/>
    /// makes the body afresh for each send.
    /// </summary>
    public Task UploadAsync(string jobId, Func<HttpContent> csv, CancellationToken ct) =>
        _pipeline.SendAsync(
            new SalesforceRequest(HttpMethod.Put, Job(jobId) + "/batches", SalesforceApiCallKind.BulkUpload, Idempotent: false) { StreamedBody = csv },
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

    /// <summary>
    /// Streams one result file (§1.5) into <paramref name="read"/>: <c>successfulResults/</c> (<c>sf__Id</c>,
    /// <c>sf__Created</c>, the original columns), <c>failedResults/</c> (<c>sf__Id</c>, <c>sf__Error</c>, the
    /// original columns) or <c>unprocessedrecords/</c> (lower-case r; the original columns only). A retried read
    /// calls <paramref name="read"/> again from the start of the file.
    /// </summary>
    public Task ReadResultsAsync(string jobId, BulkResultFile file, Func<Stream, CancellationToken, Task> read, CancellationToken ct)
    {
        var path = file switch
        {
            BulkResultFile.Successful => "successfulResults/",
            BulkResultFile.Failed => "failedResults/",
            BulkResultFile.Unprocessed => "unprocessedrecords/",
            _ => throw new ArgumentOutOfRangeException(nameof(file), file, null),
        };
        return _pipeline.SendAsync(
            new SalesforceRequest(HttpMethod.Get, Job(jobId) + "/" + path, SalesforceApiCallKind.BulkResults, Idempotent: true) { Accept = "text/csv", BodyReader = read },
            ct);
    }

    private string Job(string jobId) => _root + "/" + SalesforceRoutes.RecordId(jobId);

    private Task<SalesforceResponse> SendAsync(HttpMethod method, string path, SalesforceApiCallKind kind, bool idempotent, string? json, CancellationToken ct) =>
        _pipeline.SendAsync(new SalesforceRequest(method, path, kind, idempotent) { JsonBody = json }, ct);
}
