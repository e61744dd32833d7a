using Microsoft.Extensions.Logging;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// The log events of the sync pipelines (event ids 30xx, STYLE G13). Events carry entities, ids, counts and rule
/// names, never record values.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, EventName = "SyncRunStarted", Level = LogLevel.Information,
        Message = "Sync of {Entity} for account {AccountId} started (run {RunId}), reading changes from {ReadFrom} (null: everything)")]
    public static partial void RunStarted(ILogger logger, string entity, string accountId, string runId, DateTimeOffset? readFrom);

    [LoggerMessage(EventId = 3002, EventName = "SyncBatchLoaded", Level = LogLevel.Information,
        Message = "Loaded {RecordCount} {Entity} records via {LoadPath}: {Created} created, {Updated} updated, {Failed} failed")]
    public static partial void BatchLoaded(ILogger logger, int recordCount, string entity, Core.Planning.LoadPath loadPath, int created, int updated, int failed);

    [LoggerMessage(EventId = 3003, EventName = "SyncRecordQueued", Level = LogLevel.Warning,
        Message = "{Entity} {LightspeedId} failed with {ErrorCode} and went to the replay queue")]
    public static partial void RecordQueued(ILogger logger, string entity, string lightspeedId, string errorCode);

    [LoggerMessage(EventId = 3004, EventName = "SyncCheckpointHeld", Level = LogLevel.Information,
        Message = "{Entity} checkpoint held at {Watermark}: a record changed at {HeldBy} is not written yet")]
    public static partial void CheckpointHeld(ILogger logger, string entity, DateTimeOffset watermark, DateTimeOffset heldBy);

    [LoggerMessage(EventId = 3005, EventName = "SyncRunFinished", Level = LogLevel.Information,
        Message = "Sync of {Entity} finished {Status}: read {Read}, skipped {Skipped}, created {Created}, updated {Updated}, failed {Failed}")]
    public static partial void RunFinished(ILogger logger, string entity, State.RunStatus status, int read, int skipped, int created, int updated, int failed);

    [LoggerMessage(EventId = 3006, EventName = "SyncRunFailed", Level = LogLevel.Error,
        Message = "Sync of {Entity} stopped (run {RunId}); its checkpoint keeps the last committed batch")]
    public static partial void RunFailed(ILogger logger, Exception exception, string entity, string runId);

    [LoggerMessage(EventId = 3007, EventName = "SyncRecordWarning", Level = LogLevel.Information,
        Message = "{Entity} {LightspeedId} loaded despite {Rule}")]
    public static partial void RecordWarning(ILogger logger, string entity, string lightspeedId, string rule);

    [LoggerMessage(EventId = 3008, EventName = "SyncRunPaused", Level = LogLevel.Warning,
        Message = "Sync of {Entity} paused (run {RunId}): the org has used {UsedShare:P0} of its daily API allowance; the next run resumes from the checkpoint")]
    public static partial void RunPaused(ILogger logger, string entity, string runId, double usedShare);

    [LoggerMessage(EventId = 3009, EventName = "SyncRunStoppedAtBatch", Level = LogLevel.Information,
        Message = "Sync of {Entity} (run {RunId}) stopped after its batch in hand, as asked; the next run goes on from the checkpoint")]
    public static partial void RunStoppedAtBatch(ILogger logger, string entity, string runId);
}
