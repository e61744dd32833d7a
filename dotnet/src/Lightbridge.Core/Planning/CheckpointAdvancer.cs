namespace Lightbridge.Core.Planning;

/// <summary>
/// Computes an entity's checkpoint from the outcomes of a run (DESIGN.md, "Data flow", step 6): the newest change instant
/// whose records, and all earlier ones, are written or queued. The extract reads <c>&gt;=</c> the checkpoint minus an
/// overlap window, so the records at the checkpoint instant itself are read again: Lightspeed timestamps have second
/// resolution and a strict <c>&gt;</c> loses rows committed in the same second (shared/reference/lightspeed-api.md §9.9).
/// Re-reading is harmless because upserts by external id are idempotent.
/// </summary>
public sealed class CheckpointAdvancer
{
    /// <summary>Creates an advancer whose reads start <paramref name="overlap"/> before the checkpoint.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The overlap is negative.</exception>
    public CheckpointAdvancer(TimeSpan overlap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(overlap, TimeSpan.Zero);
        Overlap = overlap;
    }

    /// <summary>How far before the checkpoint reads start, for rows whose timestamps land late.</summary>
    public TimeSpan Overlap { get; }

    /// <summary>The instant the next extract filters <c>&gt;=</c> on, or null for a full read when there is no checkpoint.</summary>
    public DateTimeOffset? ReadFrom(DateTimeOffset? watermark) =>
        watermark is { } mark ? (mark - DateTimeOffset.MinValue < Overlap ? DateTimeOffset.MinValue : mark - Overlap) : null;

    /// <summary>Advances <paramref name="oldWatermark"/> over the settled prefix of <paramref name="outcomes"/>.</summary>
    /// <param name="oldWatermark">The stored checkpoint, or null before the first run.</param>
    /// <param name="outcomes">Every record read in the run, in any order.</param>
    public static CheckpointDecision Advance(DateTimeOffset? oldWatermark, IEnumerable<RecordOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        DateTimeOffset? heldBy = null;
        DateTimeOffset? newestSettled = null;
        var settled = new List<DateTimeOffset>();
        foreach (var outcome in outcomes)
        {
            if (outcome.IsSettled)
            {
                settled.Add(outcome.ChangedAt);
            }
            else if (heldBy is null || outcome.ChangedAt < heldBy)
            {
                heldBy = outcome.ChangedAt;
            }
        }

        foreach (var instant in settled)
        {
            // A settled record at the same instant as a pending one does not count: the instant is not complete.
            if ((heldBy is null || instant < heldBy) && (newestSettled is null || instant > newestSettled))
            {
                newestSettled = instant;
            }
        }

        if (newestSettled is { } candidate && (oldWatermark is null || candidate > oldWatermark))
        {
            return new CheckpointDecision(candidate, true, heldBy);
        }

        return new CheckpointDecision(oldWatermark, false, heldBy);
    }
}
