using Lightbridge.Cli.Alerts;
using Lightbridge.Cli.Commands;
using Lightbridge.Cli.Health;
using Lightbridge.Core.Failures;
using Lightbridge.Core.Model;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Cli.Worker;

/// <summary>
/// The one lane every run of the worker goes through, scheduled or requested: one run at a time, so an entity
/// never runs twice at once, entities keep their dependency order, and the Lightspeed bucket has one reader.
/// Each result is counted in the metrics and logged with its run id.
/// </summary>
internal sealed partial class SyncLane : IEntityRunner, IRecordResyncRunner, IDisposable
{
    private readonly IReadOnlyList<AccountEngine> _accounts;
    private readonly WorkerMetrics _metrics;
    private readonly AlertMonitor _alerts;
    private readonly ILogger<SyncLane> _log;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// How long a run in hand may go on after the worker is told to stop: it ends after its batch in hand, and is
    /// cancelled only past this, inside the host's shutdown timeout.
    /// </summary>
    public static readonly TimeSpan StopGrace = WorkerHost.ShutdownTimeout - TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _hardStop = new();

    public SyncLane(IReadOnlyList<AccountEngine> accounts, WorkerMetrics metrics, AlertMonitor alerts, ILogger<SyncLane> log)
    {
        ArgumentOutOfRangeException.ThrowIfZero(accounts.Count);
        _accounts = accounts;
        _metrics = metrics;
        _alerts = alerts;
        _log = log;
    }

    /// <summary>
    /// The worker is stopping: runs end after their batch in hand (its checkpoint committed), and are cancelled only if
    /// they outlast <see cref="StopGrace"/>.
    /// </summary>
    public void Stop()
    {
        foreach (var account in _accounts)
        {
            account.Engine.StopAfterBatch();
        }

        _hardStop.CancelAfter(StopGrace);
    }

    /// <inheritdoc />
    public IReadOnlyList<SyncEntity> Entities => _accounts[0].Engine.Entities;

    /// <summary>
    /// Runs the entity for every account in turn. One account's failure does not keep the others from running; it is
    /// rethrown once they have. The result is the last account's, or the first one that did not succeed.
    /// </summary>
    public async Task<SyncRunResult> RunAsync(SyncEntity entity, RunTrigger trigger, CancellationToken ct)
    {
        SyncRunResult? shown = null;
        Exception? failure = null;
        foreach (var (account, engine) in _accounts)
        {
            try
            {
                var result = await InLaneAsync(entity, trigger, engine, hard => engine.RunEntityAsync(entity, account, trigger, hard), ct).ConfigureAwait(false);
                if (shown is null || shown.Status == RunStatus.Succeeded)
                {
                    shown = result;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException && _accounts.Count > 1)
            {
                failure ??= ex;
            }
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return shown!;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The package's quick actions send the record's external id (<c>120645-42</c>, scoped by account); a bare Lightspeed
    /// id is taken as this worker's account. An id of another account is not this worker's to resync.
    /// </remarks>
    public async Task<SyncRunResult> ResyncAsync(SyncEntity entity, IReadOnlyCollection<LightspeedId>? ids, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        if (ids is not { Count: > 0 })
        {
            // A window: every account's records of that window.
            SyncRunResult? last = null;
            foreach (var (account, engine) in _accounts)
            {
                last = await InLaneAsync(entity, RunTrigger.Resync, engine, hard => engine.ResyncAsync(entity, account, null, from, to, hard), ct).ConfigureAwait(false);
            }

            return last!;
        }

        var owned = ids.Select(id => (Id: id, Owner: Owner(id))).ToList();
        if (owned.FirstOrDefault(o => o.Owner is null) is { Id: var foreign } && owned.Any(o => o.Owner is null))
        {
            throw new InvalidOperationException(
                $"the record {foreign.Value} belongs to none of this worker's Lightspeed accounts ({string.Join(", ", _accounts.Select(a => a.Account.AccountId.Value))}).");
        }

        SyncRunResult? result = null;
        foreach (var group in owned.GroupBy(o => o.Owner!.Value.Lane))
        {
            var (account, engine) = group.Key;
            var entityIds = group.Select(o => o.Owner!.Value.Id).ToList();
            result = await InLaneAsync(entity, RunTrigger.Resync, engine, hard => engine.ResyncAsync(entity, account, entityIds, from, to, hard), ct).ConfigureAwait(false);
        }

        return result!;
    }

    /// <summary>
    /// The account a resync id belongs to, and its id there. The package's quick actions send the external id
    /// (<c>120645-42</c>); a bare id is taken as the only account's, when there is one.
    /// </summary>
    private (AccountEngine Lane, LightspeedId Id)? Owner(LightspeedId id)
    {
        // The longest account prefix first: an X-Series domain prefix may itself hold hyphens ("my-store-{uuid}").
        foreach (var lane in _accounts.OrderByDescending(a => a.Account.AccountId.Value.Length))
        {
            var own = lane.Account.AccountId.Value + "-";
            if (id.Value.StartsWith(own, StringComparison.Ordinal) && id.Value.Length > own.Length)
            {
                return (lane, new LightspeedId(id.Value[own.Length..]));
            }
        }

        return _accounts.Count == 1 && !Core.Identity.ExternalId.TryParse(id.Value, out _) ? (_accounts[0], id) : null;
    }

    /// <summary>
    /// One run at a time; its result counted and alerted on, then the run log and queue mirrored to Salesforce (a short
    /// call that never throws for Salesforce being down: what it could not send goes with the next run).
    /// </summary>
    private async Task<SyncRunResult> InLaneAsync(SyncEntity entity, RunTrigger trigger, SyncEngine engine, Func<CancellationToken, Task<SyncRunResult>> run, CancellationToken ct)
    {
        // The caller's token only stops the wait for the lane; a run once started is stopped by Stop(), batch-wise.
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        ct = _hardStop.Token;
        try
        {
            try
            {
                var result = await run(ct).ConfigureAwait(false);
                _metrics.RunFinished(result);
                LogRunFinished(entity, trigger, result.RunId, result.Status, result.Read, result.Written, result.Failed);
                await _alerts.RunFinishedAsync(result, ct).ConfigureAwait(false);
                return result;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _metrics.RunFailed(entity);
                LogRunFailed(ex, entity, trigger);
                await _alerts.RunFailedAsync(entity, ex, ct).ConfigureAwait(false);
                throw;
            }
            finally
            {
                await engine.MirrorAsync(ct).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Dispose();
        _hardStop.Dispose();
    }

    [LoggerMessage(EventId = 6001, EventName = "WorkerRunFinished", Level = LogLevel.Information,
        Message = "{Entity} run ({Trigger}) {RunId} finished {Status}: read {Read}, written {Written}, failed {Failed}")]
    private partial void LogRunFinished(SyncEntity entity, RunTrigger trigger, string runId, RunStatus status, int read, int written, int failed);

    [LoggerMessage(EventId = 6002, EventName = "WorkerRunFailed", Level = LogLevel.Error,
        Message = "{Entity} run ({Trigger}) stopped with an error; the checkpoint keeps the last committed batch")]
    private partial void LogRunFailed(Exception exception, SyncEntity entity, RunTrigger trigger);
}
