using Lightbridge.Cli.Alerts;
using Lightbridge.Cli.Health;
using Lightbridge.Core.Failures;
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
internal sealed partial class SyncLane : IEntityRunner, IDisposable
{
    private readonly SyncEngine _engine;
    private readonly AccountContext _account;
    private readonly WorkerMetrics _metrics;
    private readonly AlertMonitor _alerts;
    private readonly ILogger<SyncLane> _log;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SyncLane(SyncEngine engine, AccountContext account, WorkerMetrics metrics, AlertMonitor alerts, ILogger<SyncLane> log)
    {
        _engine = engine;
        _account = account;
        _metrics = metrics;
        _alerts = alerts;
        _log = log;
    }

    /// <inheritdoc />
    public IReadOnlyList<SyncEntity> Entities => _engine.Entities;

    /// <inheritdoc />
    public async Task<SyncRunResult> RunAsync(SyncEntity entity, RunTrigger trigger, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            try
            {
                var result = await _engine.RunEntityAsync(entity, _account, trigger, ct).ConfigureAwait(false);
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
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(EventId = 6001, EventName = "WorkerRunFinished", Level = LogLevel.Information,
        Message = "{Entity} run ({Trigger}) {RunId} finished {Status}: read {Read}, written {Written}, failed {Failed}")]
    private partial void LogRunFinished(SyncEntity entity, RunTrigger trigger, string runId, RunStatus status, int read, int written, int failed);

    [LoggerMessage(EventId = 6002, EventName = "WorkerRunFailed", Level = LogLevel.Error,
        Message = "{Entity} run ({Trigger}) stopped with an error; the checkpoint keeps the last committed batch")]
    private partial void LogRunFailed(Exception exception, SyncEntity entity, RunTrigger trigger);
}
