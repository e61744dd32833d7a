using Lightbridge.Salesforce.Collections;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Salesforce.Bulk;

/// <summary>
/// Loads records through Bulk API 2.0 (shared/reference/salesforce-api.md §1): the CSV is split under the upload
/// cap, one job per part (a job takes one upload); each job is created, uploaded, closed, polled with a growing
/// back-off on the injected clock, and its successful, failed and unprocessed results are joined back to the
/// input on the key column. A job that ends Failed or Aborted throws <see cref="BulkJobFailedException"/> with the
/// server's message; record failures are values. If the caller cancels, the job in hand is aborted.
/// </summary>
internal sealed class BulkLoadWorkflow
{
    private readonly BulkIngestApi _api;
    private readonly SalesforceClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public BulkLoadWorkflow(BulkIngestApi api, SalesforceClientOptions options, TimeProvider time, ILogger logger)
    {
        _api = api;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task<BulkLoadResult> LoadAsync(
        string sObject,
        BulkOperation operation,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        string? externalIdField,
        CancellationToken ct)
    {
        if (operation == BulkOperation.Upsert && externalIdField is null)
        {
            throw new ArgumentException("An upsert needs the external ID field.", nameof(externalIdField));
        }

        // Results are joined on a key column the result files echo: the external ID for upsert (and for insert,
        // where records have no Id yet), the record Id otherwise. Checked up front so nothing is loaded when a
        // record could not be matched back afterwards.
        var keyColumn = externalIdField
            ?? (operation == BulkOperation.Insert
                ? throw new ArgumentException("An insert needs a unique key field to join results on.", nameof(externalIdField))
                : "Id");
        var keys = new string[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            keys[i] = CollectionUpsertRequestWriter.ExternalIdOf(records[i], keyColumn, i);
        }

        var jobIds = new List<string>();
        var results = new RecordResult[records.Count];
        foreach (var part in BulkCsvWriter.WriteParts(records, ',', _options.BulkMaxUploadBytes))
        {
            var job = await _api.CreateJobAsync(sObject, operation, operation == BulkOperation.Upsert ? externalIdField : null, BulkColumnDelimiter.Comma, ct)
                .ConfigureAwait(false);
            jobIds.Add(job.Id);
            var partKeys = new ArraySegment<string>(keys, part.FirstIndex, part.Count);
            var joined = await RunJobAsync(job.Id, part, partKeys, keyColumn, ct).ConfigureAwait(false);
            foreach (var result in joined)
            {
                results[result.Index] = result;
            }
        }

        return new BulkLoadResult(jobIds, results);
    }

    private async Task<RecordResult[]> RunJobAsync(string jobId, BulkCsvPart part, IReadOnlyList<string> keys, string keyColumn, CancellationToken ct)
    {
        BulkJobInfo info;
        try
        {
            await _api.UploadAsync(jobId, part.Content, ct).ConfigureAwait(false);
            await _api.CloseAsync(jobId, ct).ConfigureAwait(false);
            Log.BulkJobClosed(_logger, jobId, part.Count, part.Content.Length);
            info = await PollAsync(jobId, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not BulkJobFailedException)
        {
            // Cancelled, or a fault the pipeline could not retry (uploads and closes are never retried blindly):
            // stop the job rather than leave it open or half-loaded.
            await AbortQuietlyAsync(jobId).ConfigureAwait(false);
            throw;
        }

        if (info.State != BulkJobState.JobComplete)
        {
            throw new BulkJobFailedException(jobId, info.State, info.ErrorMessage);
        }

        // The job is done: from here a failure loses only the results (the records are written), so no abort.
        var successful = BulkResultCsvReader.Read(await _api.SuccessfulResultsAsync(jobId, ct).ConfigureAwait(false));
        var failed = BulkResultCsvReader.Read(await _api.FailedResultsAsync(jobId, ct).ConfigureAwait(false));
        var unprocessed = BulkResultCsvReader.Read(await _api.UnprocessedRecordsAsync(jobId, ct).ConfigureAwait(false));
        Log.BulkJobCompleted(_logger, jobId, successful.Count, failed.Count, unprocessed.Count);
        return BulkResultJoiner.Join(keys, part.FirstIndex, keyColumn, successful, failed, unprocessed);
    }

    private async Task<BulkJobInfo> PollAsync(string jobId, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await Task.Delay(BulkPollBackoff.Delay(attempt, _options.BulkPollInitialDelay, _options.BulkPollMaxDelay), _time, ct).ConfigureAwait(false);
            var info = await _api.GetJobAsync(jobId, ct).ConfigureAwait(false);
            if (info.State is BulkJobState.JobComplete or BulkJobState.Failed or BulkJobState.Aborted)
            {
                return info;
            }

            if (info.State == BulkJobState.Open)
            {
                // Closed jobs never go back to Open; jsforce treats this as "Job has not been started" (§1.1).
                throw new BulkJobFailedException(jobId, info.State, "The job is still Open after it was closed.");
            }
        }
    }

    private async Task AbortQuietlyAsync(string jobId)
    {
        try
        {
            // Not on the caller's token, which may be cancelled: stopping the job is the point.
            using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
            await _api.AbortAsync(jobId, timeout.Token).ConfigureAwait(false);
            Log.BulkJobAborted(_logger, jobId);
        }
#pragma warning disable CA1031 // Best effort: the original failure is what the caller must see.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.BulkAbortFailed(_logger, ex, jobId);
        }
    }
}
