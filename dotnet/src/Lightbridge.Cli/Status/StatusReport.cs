namespace Lightbridge.Cli.Status;

/// <summary>What <c>lightbridge status</c> shows: a snapshot of the worker's state file.</summary>
internal sealed record StatusReport(
    string StatePath,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<CheckpointStatus> Checkpoints,
    int QueueDepth,
    IReadOnlyList<QueueCountStatus> Queue,
    IReadOnlyList<RunStatusLine> LastRuns,
    ApiUsageStatus ApiUsageToday);

/// <summary>One entity's checkpoint and how far it lags behind now.</summary>
internal sealed record CheckpointStatus(string AccountId, string Entity, DateTimeOffset Watermark, TimeSpan Lag, DateTimeOffset UpdatedAt);

/// <summary>Records waiting in the replay queue for one entity and error code.</summary>
internal sealed record QueueCountStatus(string Entity, string ErrorCode, int Count);

/// <summary>The last run of one entity.</summary>
internal sealed record RunStatusLine(
    string Entity,
    string RunId,
    string Trigger,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int Read,
    int Created,
    int Updated,
    int Failed,
    int LightspeedRequests,
    int SalesforceCalls);

/// <summary>API calls made today (UTC) on each side.</summary>
internal sealed record ApiUsageStatus(DateOnly Day, long LightspeedRequests, long SalesforceCalls);
