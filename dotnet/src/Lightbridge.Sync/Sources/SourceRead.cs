using Lightbridge.Core.Model;

namespace Lightbridge.Sync.Sources;

/// <summary>
/// What one read of a source asks for, whatever the source's own query language: records by id, or records changed
/// since a point (a change time for R-Series, whose reads filter on <c>timeStamp</c>; a change version for X-Series,
/// whose reads resume <c>after</c> a <c>version</c>), optionally before a time (a window of history).
/// </summary>
public sealed record SourceRead
{
    private SourceRead()
    {
    }

    /// <summary>The ids to read, for a read by id; null otherwise.</summary>
    public IReadOnlyList<LightspeedId>? Ids { get; private init; }

    /// <summary>
    /// Records changed at or after this instant; null for no lower bound. For an incremental read it is only where
    /// R-Series resumes (a source with a change version resumes after <see cref="AfterVersion"/> instead); for a
    /// window (<see cref="IsWindow"/>) every source keeps to it.
    /// </summary>
    public DateTimeOffset? ChangedFrom { get; private init; }

    /// <summary>Records changed before this instant; null for no upper bound.</summary>
    public DateTimeOffset? ChangedBefore { get; private init; }

    /// <summary>Records whose change version is above this one (X-Series); null to start at the beginning.</summary>
    public long? AfterVersion { get; private init; }

    /// <summary>Whether this read is a window of history (backfill, resync of a date range), bounded by change time.</summary>
    public bool IsWindow { get; private init; }

    /// <summary>Whether this read names its records by id.</summary>
    public bool IsById => Ids is not null;

    /// <summary>A read of the named records, fresh.</summary>
    public static SourceRead ByIds(IReadOnlyList<LightspeedId> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return new SourceRead { Ids = ids };
    }

    /// <summary>An incremental read: the records changed since a point (a time for R-Series, a version for X-Series).</summary>
    public static SourceRead Changes(DateTimeOffset? from, long? afterVersion) =>
        new() { ChangedFrom = from, AfterVersion = afterVersion };

    /// <summary>A window of history: records changed in [<paramref name="from"/>, <paramref name="before"/>), resuming after a version when one is known.</summary>
    public static SourceRead Window(DateTimeOffset? from, DateTimeOffset? before, long? afterVersion) =>
        new() { ChangedFrom = from, ChangedBefore = before, AfterVersion = afterVersion, IsWindow = true };

    /// <summary>Whether a record changed at <paramref name="changedAt"/> falls inside the read's time bounds.</summary>
    public bool Covers(DateTimeOffset? changedAt)
    {
        if (ChangedFrom is null && ChangedBefore is null)
        {
            return true;
        }

        if (changedAt is not { } at)
        {
            return false;
        }

        return (ChangedFrom is not { } from || at >= from) && (ChangedBefore is not { } before || at < before);
    }
}
