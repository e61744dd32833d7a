using Lightbridge.Salesforce.Rest;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Salesforce.Collections;

/// <summary>
/// Upserts any number of records through sObject Collections: chunks of 200 in input order, results joined back
/// to the input with each record's external ID, and records that failed only on <c>UNABLE_TO_LOCK_ROW</c> sent
/// again after a back-off, within the retry budget (shared/reference/salesforce-api.md §1.8, §2.4). Other record
/// failures are returned as values.
/// </summary>
internal sealed class CollectionUpsertWorkflow
{
    private readonly RestApi _api;
    private readonly SalesforceClientOptions _options;
    private readonly TimeProvider _time;
    private readonly SalesforceClientStatistics _statistics;
    private readonly ILogger _logger;

    public CollectionUpsertWorkflow(RestApi api, SalesforceClientOptions options, TimeProvider time, SalesforceClientStatistics statistics, ILogger logger)
    {
        _api = api;
        _options = options;
        _time = time;
        _statistics = statistics;
        _logger = logger;
    }

    public async Task<IReadOnlyList<RecordResult>> UpsertAsync(
        string sObject,
        string externalIdField,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        bool allOrNone,
        CancellationToken ct)
    {
        // Refuse a bad record before anything is written, rather than after half the chunks.
        for (var i = 0; i < records.Count; i++)
        {
            _ = CollectionUpsertRequestWriter.ExternalIdOf(records[i], externalIdField, i);
        }

        var results = new RecordResult[records.Count];
        var endpoint = "PATCH " + _api.Routes.CollectionsUpsert(sObject, externalIdField);
        foreach (var chunk in CollectionChunker.Chunk(records.Count))
        {
            IReadOnlyList<int> pending = chunk;
            for (var round = 0; ; round++)
            {
                var body = CollectionUpsertRequestWriter.Write(records, pending, sObject, externalIdField, allOrNone);
                var response = await _api.CollectionsUpsertAsync(sObject, externalIdField, body, ct).ConfigureAwait(false);
                var joined = CollectionResultJoiner.Join(records, pending, externalIdField, response, endpoint);
                foreach (var result in joined)
                {
                    results[result.Index] = result;
                }

                var failed = joined.Count(r => !r.Success);
                Log.CollectionChunkUpserted(_logger, sObject, joined.Length, joined.Length - failed, failed);
                var retry = LockRetryPlan.RecordsToRetry(joined, allOrNone);
                if (retry.Count == 0 || round >= _options.MaxTransientRetries)
                {
                    break;
                }

                var delay = LockRetryPlan.Delay(round + 1, _options.TransientRetryBaseDelay, _options.TransientRetryMaxDelay);
                Log.LockRetry(_logger, sObject, retry.Count, delay.TotalMilliseconds, round + 1);
                _statistics.TransientRetry();
                await Task.Delay(delay, _time, ct).ConfigureAwait(false);
                pending = retry.Select(i => joined[i].Index).ToArray();
            }
        }

        return results;
    }
}
