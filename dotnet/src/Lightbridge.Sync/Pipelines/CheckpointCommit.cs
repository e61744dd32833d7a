using Lightbridge.Core.Planning;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// Decides the checkpoint write after a batch, from every outcome of the run so far (pure). Core's
/// <see cref="CheckpointAdvancer"/> picks the watermark; this adds the ids settled at it, so the next read can skip
/// them in the watermark's second. The store merges ids when the watermark stays the same, so a batch that ends in
/// the middle of a second and the next batch that continues it both add their ids.
/// </summary>
internal static class CheckpointCommit
{
    /// <summary>The update to write, or null when there is nothing to record (no checkpoint and nothing settled).</summary>
    public static CheckpointUpdate? Plan(DateTimeOffset? storedWatermark, IReadOnlyList<RecordOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var decision = CheckpointAdvancer.Advance(storedWatermark, outcomes);
        if (decision.Watermark is not { } watermark)
        {
            return null;
        }

        var ids = outcomes
            .Where(o => o.IsSettled && o.ChangedAt == watermark)
            .Select(o => o.Id)
            .Distinct()
            .ToList();
        return new CheckpointUpdate(watermark, ids, decision.Advanced, decision.HeldBy);
    }
}
