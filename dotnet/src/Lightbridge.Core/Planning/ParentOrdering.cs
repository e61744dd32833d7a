namespace Lightbridge.Core.Planning;

/// <summary>
/// Orders child records by their parent before loading. Inserting a child locks its parent; children of one parent
/// spread over parallel Bulk batches or Collections calls contend for that lock and fail with UNABLE_TO_LOCK_ROW
/// (shared/reference/salesforce-api.md §1.8). Grouped together, they land in the same chunk.
/// </summary>
public static class ParentOrdering
{
    /// <summary>
    /// Sorts <paramref name="children"/> by <paramref name="parentKey"/> (ordinal), keeping the original order among the
    /// children of one parent; children without a parent come last.
    /// </summary>
    public static IReadOnlyList<T> SortByParent<T>(IEnumerable<T> children, Func<T, string?> parentKey)
    {
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(parentKey);

        // OrderBy is a stable sort, so children of one parent keep their order.
        return children
            .Select(child => (child, key: parentKey(child)))
            .OrderBy(c => c.key is null)
            .ThenBy(c => c.key, StringComparer.Ordinal)
            .Select(c => c.child)
            .ToList();
    }

    /// <summary>
    /// Cuts records already sorted by parent into chunks of at most <paramref name="chunkSize"/>, closing a chunk early
    /// rather than splitting one parent's children across two chunks, unless that parent alone exceeds the size.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<T>> ChunkByParent<T>(IReadOnlyList<T> sorted, Func<T, string?> parentKey, int chunkSize)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentNullException.ThrowIfNull(parentKey);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);

        var chunks = new List<IReadOnlyList<T>>();
        var current = new List<T>();
        var index = 0;
        while (index < sorted.Count)
        {
            var key = parentKey(sorted[index]);
            var end = index;
            while (end < sorted.Count && string.Equals(parentKey(sorted[end]), key, StringComparison.Ordinal))
            {
                end++;
            }

            var group = sorted.Skip(index).Take(end - index).ToList();
            if (current.Count > 0 && current.Count + group.Count > chunkSize)
            {
                chunks.Add(current);
                current = [];
            }

            foreach (var child in group)
            {
                if (current.Count == chunkSize)
                {
                    chunks.Add(current);
                    current = [];
                }

                current.Add(child);
            }

            index = end;
        }

        if (current.Count > 0)
        {
            chunks.Add(current);
        }

        return chunks;
    }
}
