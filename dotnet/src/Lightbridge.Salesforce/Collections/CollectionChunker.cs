namespace Lightbridge.Salesforce.Collections;

/// <summary>Splits a record list into the ≤ 200-record calls sObject Collections takes (shared/reference/salesforce-api.md §2.4).</summary>
internal static class CollectionChunker
{
    /// <summary>The most records one Collections call takes.</summary>
    public const int MaxChunkSize = 200;

    /// <summary>The positions of each chunk, in input order: 0..199, 200..399, …</summary>
    public static IReadOnlyList<int[]> Chunk(int count, int size = MaxChunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxChunkSize);
        var chunks = new List<int[]>((count + size - 1) / size);
        for (var start = 0; start < count; start += size)
        {
            chunks.Add(Enumerable.Range(start, Math.Min(size, count - start)).ToArray());
        }

        return chunks;
    }
}
