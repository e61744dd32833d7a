using Lightbridge.Cli.Alerts;
using Lightbridge.Cli.Health;
using Lightbridge.Core.Failures;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
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
    private readonly SyncEngine _engine;
    private readonly AccountContext _account;
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

    public SyncLane(SyncEngine engine, AccountContext account, WorkerMetrics metrics, AlertMonitor alerts, ILogger<SyncLane> log)
    {
        _engine = engine;
        _account = account;
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
        _engine.StopAfterBatch();
        _hardStop.CancelAfter(StopGrace);
    }

    /// <inheritdoc />
    public IReadOnlyList<SyncEntity> Entities => _engine.Entities;

    /// <inheritdoc />
    public Task<SyncRunResult> RunAsync(SyncEntity entity, RunTrigger trigger, CancellationToken ct) =>
        InLaneAsync(entity, trigger, hard => _engine.RunEntityAsync(entity, _account, trigger, hard), ct);

    /// <inheritdoc />
    /// <remarks>
    /// The package's quick actions send the record's external id (<c>120645-42</c>, scoped by account); a bare Lightspeed
    /// id is taken as this worker's account. An id of another account is not this worker's to resync.
    /// </remarks>
    public Task<SyncRunResult> ResyncAsync(SyncEntity entity, IReadOnlyCollection<LightspeedId>? ids, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var own = ids?.Select(OwnId).ToList();
        if (own is { Count: > 0 } && own.Any(id => id is null))
        {
            throw new InvalidOperationException(
                $"the record {string.Join(", ", ids!.Select(i => i.Value))} belongs to another Lightspeed account than this worker's ({_account.AccountId.Value}).");
        }

        var entityIds = own?.Select(id => id!.Value).ToList();
        return InLaneAsync(entity, RunTrigger.Resync, hard => _engine.ResyncAsync(entity, _account, entityIds, from, to, hard), ct);
    }

    private LightspeedId? OwnId(LightspeedId id)
    {
        // This account's prefix first: an X-Series domain prefix may itself hold hyphens ("my-store-{uuid}").
        var own = _account.AccountId.Value + "-";
        if (id.Value.StartsWith(own, StringComparison.Ordinal) && id.Value.Length > own.Length)
        {
            return new LightspeedId(id.Value[own.Length..]);
        }

        return !Core.Identity.ExternalId.TryParse(id.Value, out var scoped) ? id
            : scoped.AccountId == _account.AccountId ? scoped.EntityId
            : null;
    }

    /// <summary>
    /// One run at a time; its result counted and alerted on, then the run log and queue mirrored to Salesforce (a short
    /// call that never throws for Salesforce being down: what it could not send goes with the next run).
    /// </summary>
    private async Task<SyncRunResult> InLaneAsync(SyncEntity entity, RunTrigger trigger, Func<CancellationToken, Task<SyncRunResult>> run, CancellationToken ct)
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
                await _engine.MirrorAsync(ct).ConfigureAwait(false);
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
