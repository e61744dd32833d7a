namespace Lightbridge.Sync.Pipelines;

/// <summary>Where a backfill stands after a batch: what the progress bar and the progress lines show.</summary>
/// <param name="Read">Records read from Lightspeed so far in this run.</param>
/// <param name="Written">Records written to Salesforce so far.</param>
/// <param name="Failed">Records queued for replay so far.</param>
/// <param name="ReachedChangeTime">The newest change time read (records come in change-time order).</param>
/// <param name="Covered">The share of the window read, 0 to 1: what the ETA is estimated from.</param>
public sealed record BackfillProgress(int Read, int Written, int Failed, DateTimeOffset? ReachedChangeTime, double Covered);
