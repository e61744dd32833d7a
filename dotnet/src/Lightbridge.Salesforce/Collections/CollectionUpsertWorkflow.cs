using System.Globalization;
using System.Text.Json;
using Lightbridge.Salesforce.Rest;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Salesforce.Collections;

/// <summary>
/// Upserts any number of records through sObject Collections: chunks of 200 in input order, up to
/// <see cref="SalesforceClientOptions.CollectionsPerCall"/> of them in one Composite call, results joined back
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
        foreach (var call in CollectionChunker.Chunk(records.Count).Chunk(_options.CollectionsPerCall))
        {
            // Each chunk keeps its own records to send; lock failures go out again with their chunk, after a back-off.
            var pending = call.Select(chunk => (IReadOnlyList<int>)chunk).ToList();
            for (var round = 0; ; round++)
            {
                var bodies = await SendAsync(sObject, externalIdField, pending, records, allOrNone, endpoint, ct).ConfigureAwait(false);
                var retrying = 0;
                for (var c = 0; c < pending.Count; c++)
                {
                    if (pending[c].Count == 0)
                    {
                        continue;
                    }

                    var joined = CollectionResultJoiner.Join(records, pending[c], externalIdField, bodies[c]!, endpoint);
                    foreach (var result in joined)
                    {
                        results[result.Index] = result;
                    }

                    var failed = joined.Count(r => !r.Success);
                    Log.CollectionChunkUpserted(_logger, sObject, joined.Length, joined.Length - failed, failed);
                    IReadOnlyList<int> retry = round < _options.MaxTransientRetries ? LockRetryPlan.RecordsToRetry(joined, allOrNone) : Array.Empty<int>();
                    pending[c] = retry.Select(i => joined[i].Index).ToArray();
                    retrying += retry.Count;
                }

                if (retrying == 0)
                {
                    break;
                }

                var delay = LockRetryPlan.Delay(round + 1, _options.TransientRetryBaseDelay, _options.TransientRetryMaxDelay);
                Log.LockRetry(_logger, sObject, retrying, delay.TotalMilliseconds, round + 1);
                _statistics.TransientRetry();
                await Task.Delay(delay, _time, ct).ConfigureAwait(false);
            }
        }

        return results;
    }

    /// <summary>
    /// Sends the chunks that have records: one alone as a Collections call, several as Collections subrequests of one
    /// Composite call (one API call). Returns each chunk's response body, null for a chunk with nothing to send.
    /// </summary>
    private async Task<string?[]> SendAsync(
        string sObject,
        string externalIdField,
        List<IReadOnlyList<int>> chunks,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        bool allOrNone,
        string endpoint,
        CancellationToken ct)
    {
        var bodies = new string?[chunks.Count];
        var active = Enumerable.Range(0, chunks.Count).Where(c => chunks[c].Count > 0).ToList();
        if (active.Count == 1)
        {
            var c = active[0];
            var body = CollectionUpsertRequestWriter.Write(records, chunks[c], sObject, externalIdField, allOrNone);
            bodies[c] = await _api.CollectionsUpsertAsync(sObject, externalIdField, body, ct).ConfigureAwait(false);
            return bodies;
        }

        var url = _api.Routes.CollectionsUpsert(sObject, externalIdField);
        var subrequests = active.Select(c => new CompositeSubrequest(HttpMethod.Patch, url, "chunk" + c.ToString(CultureInfo.InvariantCulture))
        {
            Body = Element(CollectionUpsertRequestWriter.Write(records, chunks[c], sObject, externalIdField, allOrNone)),
        }).ToList();
        // allOrNone false on the Composite call: each chunk keeps its own all-or-none, as when sent alone (§2.5).
        var json = CompositeRequestWriter.Write(subrequests, allOrNone: false, _api.Routes.Root);
        var response = CompositeResponse.Parse(await _api.CompositeAsync(json, idempotent: true, ct).ConfigureAwait(false));
        foreach (var (c, subrequest) in active.Zip(subrequests))
        {
            var sub = response[subrequest.ReferenceId];
            if (!sub.IsSuccess)
            {
                // What the chunk's own call would have thrown: its records' fate is unknown to the caller, which retries.
                throw new SalesforceApiException((System.Net.HttpStatusCode)sub.HttpStatusCode, endpoint + " (composite)", sub.Errors);
            }

            bodies[c] = sub.Body.GetRawText();
        }

        return bodies;
    }

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
