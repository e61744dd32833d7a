using Lightbridge.Salesforce;
using Lightbridge.State;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Sync.Reporting;

/// <summary>
/// Keeps Salesforce's view of sync health in step with the local state, so admins watch it without the command line:
/// finished runs become <c>Lightspeed_Sync_Run__c</c> records (upserted on <c>Run_Id__c</c>) and replay-queue items
/// become <c>Lightspeed_Sync_Error__c</c> records (upserted on <c>Error_Key__c</c>, one per failing record however often it
/// fails). In the other direction, an admin's Retry or Ignore on an error reaches the local queue.
/// </summary>
/// <remarks>
/// The local state is the source of truth and remembers what Salesforce has not seen yet, so a mirror that fails
/// (Salesforce down, a limit reached) loses nothing: the next call sends it. Admin statuses are pulled before local
/// changes are pushed, so a Retry clicked in Salesforce is not overwritten by an older local Open.
/// </remarks>
public sealed class SalesforceMirror
{
    /// <summary>The most items read from the local state per mirror call, a bound on memory and call count.</summary>
    public const int MaxPerCall = 2_000;

    private const int StatusQueryChunk = 200;

    private readonly SalesforceClient _salesforce;
    private readonly StateStore _state;
    private readonly ILogger _logger;

    /// <summary>Creates a mirror of <paramref name="state"/> into the org behind <paramref name="salesforce"/>.</summary>
    public SalesforceMirror(SalesforceClient salesforce, StateStore state, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(salesforce);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(logger);
        _salesforce = salesforce;
        _state = state;
        _logger = logger;
    }

    /// <summary>
    /// Pulls admin statuses, then pushes every finished run and changed queue item Salesforce has not seen. Never
    /// throws for a Salesforce failure or for <paramref name="ct"/> being cancelled: it is logged and the work is left
    /// for the next call.
    /// </summary>
    /// <returns>What was written and pulled.</returns>
    public async Task<MirrorReport> SyncAsync(CancellationToken ct = default)
    {
        var pulled = 0;
        var errors = 0;
        var runs = 0;
        var failed = 0;
        try
        {
            pulled = await PullAdminStatusesAsync(ct).ConfigureAwait(false);
            (errors, var errorFailures) = await PushErrorsAsync(ct).ConfigureAwait(false);
            (runs, var runFailures) = await PushRunsAsync(ct).ConfigureAwait(false);
            failed = errorFailures + runFailures;
        }
        catch (Exception ex) when (ex is SalesforceApiException or HttpRequestException or TimeoutException
            || (ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            // A report that cannot be sent now is sent next time; it must never turn a run's outcome into another.
            Log.MirrorFailed(_logger, ex);
            return new MirrorReport(errors, runs, pulled, failed, Completed: false);
        }

        Log.Mirrored(_logger, errors, runs, pulled);
        return new MirrorReport(errors, runs, pulled, failed, Completed: failed == 0);
    }

    /// <summary>
    /// Applies <c>Retrying</c> and <c>Ignored</c> set by admins on errors the local queue still holds as pending.
    /// Returns how many local items changed.
    /// </summary>
    public async Task<int> PullAdminStatusesAsync(CancellationToken ct = default)
    {
        var pending = _state.ReplayQueue.List(pendingOnly: true);
        var byKey = new Dictionary<string, ReplayItem>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in pending)
        {
            if (SyncErrorRecord.KeyOf(item) is { } key)
            {
                byKey[key] = item;
            }
        }

        var changed = 0;
        foreach (var chunk in byKey.Keys.Chunk(StatusQueryChunk))
        {
            var soql = "SELECT Error_Key__c, Status__c FROM Lightspeed_Sync_Error__c WHERE Status__c IN ('Retrying','Ignored') AND Error_Key__c IN "
                + Soql.InList(chunk);
            await foreach (var row in _salesforce.QueryAsync(soql, ct).ConfigureAwait(false))
            {
                var key = row.GetProperty("Error_Key__c").GetString();
                var status = row.GetProperty("Status__c").GetString() == nameof(ReplayStatus.Ignored) ? ReplayStatus.Ignored : ReplayStatus.Retrying;
                if (key is not null && byKey.TryGetValue(key, out var item)
                    && _state.ReplayQueue.ApplyAdminStatus(item.AccountId, item.Entity, item.LightspeedId, status))
                {
                    changed++;
                }
            }
        }

        return changed;
    }

    private async Task<(int Written, int Failed)> PushErrorsAsync(CancellationToken ct)
    {
        var items = _state.ReplayQueue.PendingMirror(MaxPerCall);
        if (items.Count == 0)
        {
            return (0, 0);
        }

        var records = items.Select(SyncErrorRecord.Fields).ToList();
        var results = await _salesforce.UpsertCollectionAsync(SyncErrorRecord.ObjectName, SyncErrorRecord.KeyField, records, allOrNone: false, ct)
            .ConfigureAwait(false);
        var written = new List<ReplayItem>(items.Count);
        var failed = 0;
        foreach (var result in results)
        {
            if (result.Success)
            {
                written.Add(items[result.Index]);
            }
            else
            {
                failed++;
                Log.MirrorRecordRefused(_logger, SyncErrorRecord.ObjectName, result.ExternalId, result.Errors.Count > 0 ? result.Errors[0].StatusCode : "UNKNOWN");
            }
        }

        _state.ReplayQueue.MarkMirrored(written);
        return (written.Count, failed);
    }

    private async Task<(int Written, int Failed)> PushRunsAsync(CancellationToken ct)
    {
        var runs = _state.Runs.PendingMirror(MaxPerCall);
        if (runs.Count == 0)
        {
            return (0, 0);
        }

        var records = runs.Select(SyncRunRecord.Fields).ToList();
        var results = await _salesforce.UpsertCollectionAsync(SyncRunRecord.ObjectName, SyncRunRecord.KeyField, records, allOrNone: false, ct)
            .ConfigureAwait(false);
        var written = new List<string>(runs.Count);
        var failed = 0;
        foreach (var result in results)
        {
            if (result.Success)
            {
                written.Add(runs[result.Index].RunId);
            }
            else
            {
                failed++;
                Log.MirrorRecordRefused(_logger, SyncRunRecord.ObjectName, result.ExternalId, result.Errors.Count > 0 ? result.Errors[0].StatusCode : "UNKNOWN");
            }
        }

        _state.Runs.MarkMirrored(written);
        return (written.Count, failed);
    }
}

/// <summary>What one <see cref="SalesforceMirror.SyncAsync"/> did.</summary>
/// <param name="ErrorsWritten">Sync errors upserted.</param>
/// <param name="RunsWritten">Sync runs upserted.</param>
/// <param name="AdminStatusesApplied">Local queue items changed by an admin's Retry or Ignore.</param>
/// <param name="RecordsRefused">Records Salesforce refused (left for the next call).</param>
/// <param name="Completed">False when Salesforce could not be reached or refused a record.</param>
public sealed record MirrorReport(int ErrorsWritten, int RunsWritten, int AdminStatusesApplied, int RecordsRefused, bool Completed);
