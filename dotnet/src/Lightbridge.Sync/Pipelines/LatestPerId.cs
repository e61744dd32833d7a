using Lightbridge.Core.Model;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// Keeps the newest read of each id in a batch (pure). A record edited while the read pages through the entity can
/// come back twice, and one upsert call refuses a key twice (DUPLICATE_VALUE). Reads are sorted by timestamp, so the
/// last one read is the newest.
/// </summary>
internal static class LatestPerId
{
    /// <summary>The records of <paramref name="batch"/> that are the last read of their id, in read order.</summary>
    public static IEnumerable<T> Select<T>(IReadOnlyList<T> batch, Func<T, LightspeedId> idOf)
    {
        var last = new Dictionary<LightspeedId, int>();
        for (var i = 0; i < batch.Count; i++)
        {
            last[idOf(batch[i])] = i;
        }

        return batch.Where((record, i) => last[idOf(record)] == i);
    }
}
