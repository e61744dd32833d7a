using Lightbridge.Core.Model;
using Lightbridge.Core.Planning;
using Lightbridge.State;
using Lightbridge.Sync.Sources;

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

    private ExtractWindow(DateTimeOffset? readFrom, DateTimeOffset? watermark, IReadOnlySet<LightspeedId> idsAtWatermark, long? afterVersion = null)
    {
        ReadFrom = readFrom;
        AfterVersion = afterVersion;
        _watermark = watermark;
        _idsAtWatermark = idsAtWatermark;
    }

    /// <summary>The instant reads filter <c>&gt;=</c> on; null for a full read (no checkpoint yet).</summary>
    public DateTimeOffset? ReadFrom { get; }

    /// <summary>
    /// The change version reads resume after (X-Series's <c>version</c> cursor), from the checkpoint; null for
    /// R-Series and before the first run. A version cursor never re-reads a handled change, so nothing is skipped.
    /// </summary>
    public long? AfterVersion { get; }

    /// <summary>The window for <paramref name="checkpoint"/> (null before the first run).</summary>
    public static ExtractWindow For(Checkpoint? checkpoint, CheckpointAdvancer advancer)
    {
        ArgumentNullException.ThrowIfNull(advancer);
        return checkpoint is null
            ? new ExtractWindow(null, null, new HashSet<LightspeedId>())
            : new ExtractWindow(advancer.ReadFrom(checkpoint.Watermark), checkpoint.Watermark, checkpoint.IdsAtWatermark, checkpoint.Version);
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
        return new ExtractWindow(resumeFrom > from ? resumeFrom : from, checkpoint.Watermark, checkpoint.IdsAtWatermark, checkpoint.Version);
    }

    /// <summary>Whether a record read was already written or queued in an earlier run at the watermark second.</summary>
    public bool AlreadyHandled(LightspeedId id, DateTimeOffset changedAt) =>
        AfterVersion is null && _watermark is { } mark && changedAt == mark && _idsAtWatermark.Contains(id);

    /// <summary>The source read of an incremental pass from this window's start.</summary>
    public SourceRead Read() => SourceRead.Changes(ReadFrom, AfterVersion);

    /// <summary>The source read of a window of history from this window's start to <paramref name="before"/>.</summary>
    public SourceRead Read(DateTimeOffset before) => SourceRead.Window(ReadFrom, before, AfterVersion);
}
