namespace Lightbridge.Core.Planning;

/// <summary>
/// Where a change-version cursor (X-Series <c>version</c>) may move after a batch: reads come in ascending version, so
/// the cursor may pass every record handled for good, up to the first one still pending (a transient failure that
/// the next read must bring back). Its counterpart for change times is <see cref="CheckpointAdvancer"/>.
/// </summary>
public static class VersionCursor
{
    /// <summary>
    /// The cursor after <paramref name="records"/> (every record of the run so far with its version, and whether it
    /// is settled: written or queued), never behind <paramref name="stored"/>.
    /// </summary>
    public static long? Advance(long? stored, IEnumerable<(long Version, bool Settled)> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        long? heldBy = null;
        var settled = new List<long>();
        foreach (var (version, isSettled) in records)
        {
            if (!isSettled)
            {
                heldBy = heldBy is { } held && held < version ? held : version;
            }
            else
            {
                settled.Add(version);
            }
        }

        long? newest = null;
        foreach (var version in settled)
        {
            if ((heldBy is null || version < heldBy) && (newest is null || version > newest))
            {
                newest = version;
            }
        }

        return newest is { } candidate && (stored is null || candidate > stored) ? candidate : stored;
    }
}
