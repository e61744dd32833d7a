namespace Lightbridge.State;

/// <summary>A durable resync job.</summary>
/// <param name="Id">The job id, increasing in enqueue order.</param>
/// <param name="Request">What to resync.</param>
/// <param name="Channel">The streaming channel the request came from, or null for a job not from an event.</param>
/// <param name="ReplayId">The replay id of the event it came from, or null.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="EnqueuedAt">When it was enqueued (UTC).</param>
/// <param name="StartedAt">When it was last taken (UTC), or null.</param>
/// <param name="FinishedAt">When it was done or failed (UTC), or null.</param>
/// <param name="Attempts">How many times it was taken.</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record ResyncJob(
    long Id,
    ResyncRequest Request,
    string? Channel,
    long? ReplayId,
    ResyncJobStatus Status,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Attempts,
    string? Error);
