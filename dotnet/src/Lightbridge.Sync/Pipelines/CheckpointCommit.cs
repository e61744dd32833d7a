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

    /// <summary>
    /// Drops, once the checkpoint stands at <paramref name="watermark"/>, the outcomes that can no longer change a later
    /// <see cref="Plan"/>: settled ones at or before it (the stored tie set holds those at it, and an older instant never
    /// advances it) and settled ones at or after the earliest pending one (an instant past a pending record never counts,
    /// and a pending record stays pending for the run). Pending outcomes stay. A long run's outcomes stay flat this way.
    /// </summary>
    public static void Prune(List<RecordOutcome> outcomes, DateTimeOffset? watermark)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (watermark is not { } mark)
        {
            return;
        }

        DateTimeOffset? heldBy = null;
        foreach (var outcome in outcomes)
        {
            if (!outcome.IsSettled && (heldBy is null || outcome.ChangedAt < heldBy))
            {
                heldBy = outcome.ChangedAt;
            }
        }

        outcomes.RemoveAll(o => o.IsSettled && (o.ChangedAt <= mark || (heldBy is { } held && o.ChangedAt >= held)));
    }
}
