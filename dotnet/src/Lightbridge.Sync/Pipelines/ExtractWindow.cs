using Lightbridge.Core.Model;
using Lightbridge.Core.Planning;
using Lightbridge.Lightspeed;
using Lightbridge.State;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// What an incremental read asks for and what it may skip, decided from the stored checkpoint alone (no IO). Reads
/// filter <c>&gt;=</c> the watermark minus the overlap: Lightspeed timestamps have whole seconds and a strict
/// <c>&gt;</c> loses rows committed in the watermark's second (shared/reference/lightspeed-api.md §9.9). Rows of that
/// second that the checkpoint already lists are skipped; everything else read is processed again, which upserts by
/// external id make harmless.
/// </summary>
internal sealed class ExtractWindow
{
    private readonly DateTimeOffset? _watermark;
    private readonly IReadOnlySet<LightspeedId> _idsAtWatermark;

    private ExtractWindow(DateTimeOffset? readFrom, DateTimeOffset? watermark, IReadOnlySet<LightspeedId> idsAtWatermark)
    {
        ReadFrom = readFrom;
        _watermark = watermark;
        _idsAtWatermark = idsAtWatermark;
    }

    /// <summary>The instant reads filter <c>&gt;=</c> on; null for a full read (no checkpoint yet).</summary>
    public DateTimeOffset? ReadFrom { get; }

    /// <summary>The window for <paramref name="checkpoint"/> (null before the first run).</summary>
    public static ExtractWindow For(Checkpoint? checkpoint, CheckpointAdvancer advancer)
    {
        ArgumentNullException.ThrowIfNull(advancer);
        return checkpoint is null
            ? new ExtractWindow(null, null, new HashSet<LightspeedId>())
            : new ExtractWindow(advancer.ReadFrom(checkpoint.Watermark), checkpoint.Watermark, checkpoint.IdsAtWatermark);
    }

    /// <summary>
    /// The window of a backfill from <paramref name="from"/>: from there on the first attempt, from its own checkpoint
    /// (minus the overlap, never before <paramref name="from"/>) when resuming an interrupted one.
    /// </summary>
    public static ExtractWindow ForBackfill(Checkpoint? checkpoint, DateTimeOffset from, CheckpointAdvancer advancer)
    {
        ArgumentNullException.ThrowIfNull(advancer);
        if (checkpoint is null)
        {
            return new ExtractWindow(from, null, new HashSet<LightspeedId>());
        }

        var resumeFrom = advancer.ReadFrom(checkpoint.Watermark);
        return new ExtractWindow(resumeFrom > from ? resumeFrom : from, checkpoint.Watermark, checkpoint.IdsAtWatermark);
    }

    /// <summary>Whether a record read was already written or queued in an earlier run at the watermark second.</summary>
    public bool AlreadyHandled(LightspeedId id, DateTimeOffset changedAt) =>
        _watermark is { } mark && changedAt == mark && _idsAtWatermark.Contains(id);

    /// <summary>The query of the read: sorted by the change timestamp and, after the first run, filtered on it.</summary>
    public LightspeedQuery Query(string changeField, bool includeArchived)
    {
        var query = new LightspeedQuery().SortBy(changeField);
        if (ReadFrom is { } from)
        {
            query.Where(changeField, FilterOperator.GreaterThanOrEqual, from);
        }

        if (includeArchived)
        {
            query.Archived(ArchivedFilter.Include);
        }

        return query;
    }
}
