using System.Runtime.CompilerServices;
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

    /// <summary>
    /// The most records one job carries: the join holds a job's keys and results, so capping them keeps memory
    /// flat however long the load (100,000 records are ten of the 10,000-record batches the daily allocation counts).
    /// </summary>
    public const int MaxRecordsPerJob = 100_000;

    private static readonly BulkResultFile[] ResultFiles = [BulkResultFile.Successful, BulkResultFile.Failed, BulkResultFile.Unprocessed];

    public async Task<BulkLoadResult> LoadAsync(
        string sObject,
        BulkOperation operation,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        string? externalIdField,
        BulkResultDetail detail,
        CancellationToken ct)
    {
        var keyColumn = KeyColumn(operation, externalIdField);

        // Checked up front, as the whole list is at hand: nothing is loaded when a record could not be written or
        // matched back afterwards. The columns are every field of every record, in first-seen order.
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            _ = CollectionUpsertRequestWriter.ExternalIdOf(record, keyColumn, i);
            foreach (var (field, value) in record)
            {
                if (value is not string)
                {
                    _ = CellOf(value, field, i);
                }
            }
        }

        var columns = BulkCsvWriter.Columns(records);
        var jobIds = new List<string>();
        var results = new RecordResult[records.Count];
        await foreach (var job in RunAsync(sObject, operation, externalIdField, keyColumn, BulkRecordSource.From(records), columns, detail, ct).ConfigureAwait(false))
        {
            jobIds.Add(job.JobId);
            foreach (var result in job.Records)
            {
                results[result.Index] = result;
            }
        }

        return new BulkLoadResult(jobIds, results);
    }

    public async IAsyncEnumerable<BulkJobResult> LoadAsync(
        string sObject,
        BulkOperation operation,
        IAsyncEnumerable<IReadOnlyDictionary<string, object?>> records,
        IReadOnlyList<string> columns,
        string? externalIdField,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var keyColumn = KeyColumn(operation, externalIdField);
        var parsed = columns.Select(BulkCsvColumn.Parse).ToList();
        if (parsed.Count == 0)
        {
            throw new ArgumentException("A streamed Bulk load needs its columns.", nameof(columns));
        }

        if (parsed.GroupBy(c => c.Header, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new ArgumentException($"The column {repeated.Key} is named twice.", nameof(columns));
        }

        if (!parsed.Exists(c => c.Reference is null && c.Field == keyColumn))
        {
            throw new ArgumentException($"The columns must include the key field {keyColumn}, which the results are joined on.", nameof(columns));
        }

        await foreach (var job in RunAsync(sObject, operation, externalIdField, keyColumn, BulkRecordSource.From(records, ct), parsed, BulkResultDetail.Full, ct).ConfigureAwait(false))
        {
            yield return job;
        }
    }

    /// <summary>
    /// The column results are joined on, which the result files echo: the external ID for upsert (and for insert,
    /// where records have no Id yet), the record Id otherwise.
    /// </summary>
    private static string KeyColumn(BulkOperation operation, string? externalIdField)
    {
        if (operation == BulkOperation.Upsert && externalIdField is null)
        {
            throw new ArgumentException("An upsert needs the external ID field.", nameof(externalIdField));
        }

        return externalIdField
            ?? (operation == BulkOperation.Insert
                ? throw new ArgumentException("An insert needs a unique key field to join results on.", nameof(externalIdField))
                : "Id");
    }

    private static string CellOf(object? value, string field, int index)
    {
        try
        {
            return BulkCsvWriter.Cell(value, field);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"Record {index}: {ex.Message}", ex);
        }
    }

    private async IAsyncEnumerable<BulkJobResult> RunAsync(
        string sObject,
        BulkOperation operation,
        string? externalIdField,
        string keyColumn,
        BulkRecordSource source,
        IReadOnlyList<BulkCsvColumn> columns,
        BulkResultDetail detail,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var cursor = new BulkUploadCursor(source, columns, ',', keyColumn, _options.BulkMaxUploadBytes, MaxRecordsPerJob);
        await using (cursor.ConfigureAwait(false))
        {
            // One job per part: a job takes one upload, and the next record is read ahead so no job is created empty.
            while (await cursor.HasMoreAsync().ConfigureAwait(false))
            {
                var job = await _api.CreateJobAsync(sObject, operation, operation == BulkOperation.Upsert ? externalIdField : null, BulkColumnDelimiter.Comma, ct)
                    .ConfigureAwait(false);
                var part = cursor.BeginPart();
                var records = await RunJobAsync(job.Id, cursor, part, keyColumn, detail, ct).ConfigureAwait(false);
                yield return new BulkJobResult(job.Id, records);
            }
        }
    }

    private async Task<RecordResult[]> RunJobAsync(
        string jobId, BulkUploadCursor cursor, BulkUploadPart part, string keyColumn, BulkResultDetail detail, CancellationToken ct)
    {
        BulkJobInfo info;
        try
        {
            await _api.UploadAsync(jobId, () => new BulkCsvUploadContent(cursor, part), ct).ConfigureAwait(false);
            await _api.CloseAsync(jobId, ct).ConfigureAwait(false);
            Log.BulkJobClosed(_logger, jobId, part.Count, (int)part.Bytes);
            info = await PollAsync(jobId, part.Count, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not BulkJobFailedException)
        {
            // Cancelled, a record the CSV could not carry, or a fault the pipeline could not retry (uploads and
            // closes are never retried blindly): stop the job rather than leave it open or half-loaded.
            await AbortQuietlyAsync(jobId).ConfigureAwait(false);
            if (part.Failure is { } failure && !ReferenceEquals(failure, ex))
            {
                // The HTTP stack wrapped the caller's mistake; the caller should see it as it was.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }

            throw;
        }

        var joiner = new BulkResultJoiner(part.Keys, part.FirstIndex, keyColumn);
        if (info.State != BulkJobState.JobComplete)
        {
            // A failed or aborted job still lists what it did and what it never reached: hand that over with the
            // job's error, so the caller can tell loaded records from ones to send again.
            throw new BulkJobFailedException(jobId, info.State, info.ErrorMessage) { Records = await TryReadResultsAsync(jobId, joiner, ct).ConfigureAwait(false) };
        }

        // The job is done: from here a failure loses only the results (the records are written), so no abort.
        await ReadCompletedResultsAsync(jobId, joiner, info, part.Count, detail, ct).ConfigureAwait(false);
        var (succeeded, failed, unprocessed) = (joiner.Count(BulkResultFile.Successful), joiner.Count(BulkResultFile.Failed), joiner.Count(BulkResultFile.Unprocessed));
        Log.BulkJobCompleted(_logger, jobId, succeeded, failed, unprocessed);
        return joiner.Results();
    }

    /// <summary>
    /// Reads only the result files that can say something: when the job's counts say every record was processed and
    /// none failed, the failed and unprocessed files are empty and not fetched (two API calls per job); with
    /// <see cref="BulkResultDetail.FailuresOnly"/> the successful file is fetched only when the counts do not add up
    /// (then the rows it lacks are reported as before, never assumed written).
    /// </summary>
    private async Task ReadCompletedResultsAsync(string jobId, BulkResultJoiner joiner, BulkJobInfo info, int uploaded, BulkResultDetail detail, CancellationToken ct)
    {
        var clean = info.RecordsFailed == 0 && info.RecordsProcessed == uploaded;
        if (detail == BulkResultDetail.Full)
        {
            await ReadResultFileAsync(jobId, joiner, BulkResultFile.Successful, ct).ConfigureAwait(false);
        }

        if (!clean)
        {
            await ReadResultFileAsync(jobId, joiner, BulkResultFile.Failed, ct).ConfigureAwait(false);
            await ReadResultFileAsync(jobId, joiner, BulkResultFile.Unprocessed, ct).ConfigureAwait(false);
        }

        if (detail == BulkResultDetail.FailuresOnly)
        {
            if (clean || joiner.Unplaced == info.RecordsProcessed - info.RecordsFailed)
            {
                joiner.SucceedUnplaced();
            }
            else
            {
                await ReadResultFileAsync(jobId, joiner, BulkResultFile.Successful, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task ReadResultsAsync(string jobId, BulkResultJoiner joiner, CancellationToken ct)
    {
        foreach (var file in ResultFiles)
        {
            await ReadResultFileAsync(jobId, joiner, file, ct).ConfigureAwait(false);
        }
    }

    private Task ReadResultFileAsync(string jobId, BulkResultJoiner joiner, BulkResultFile file, CancellationToken ct) =>
        _api.ReadResultsAsync(
            jobId,
            file,
            (stream, token) =>
            {
                // A retried read starts the file over: take back what an interrupted read placed.
                joiner.Begin(file);
                return BulkResultCsvReader.ReadAsync(stream, ',', row => joiner.Place(file, column => row[column]), token);
            },
            ct);

    private async Task<IReadOnlyList<RecordResult>> TryReadResultsAsync(string jobId, BulkResultJoiner joiner, CancellationToken ct)
    {
        try
        {
            await ReadResultsAsync(jobId, joiner, ct).ConfigureAwait(false);
            return joiner.Results();
        }
        catch (Exception ex) when (ex is SalesforceApiException or HttpRequestException or IOException or TimeoutException)
        {
            // The job's own failure is what the caller must see; the per-record detail is a bonus.
            Log.BulkResultsUnavailable(_logger, ex, jobId);
            return [];
        }
    }

    private async Task<BulkJobInfo> PollAsync(string jobId, int records, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await Task.Delay(BulkPollBackoff.Delay(attempt, _options.BulkPollInitialDelay, _options.BulkPollMaxDelay, records), _time, ct).ConfigureAwait(false);
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
