namespace Lightbridge.Salesforce.Bulk;

/// <summary>
/// Joins a job's three result files back to the records of its upload part by the key column (the external ID
/// for upsert, <c>Id</c> otherwise), never by row position: result rows come back in any order
/// (shared/reference/salesforce-api.md §1.5). Records without any result row (results are not recorded for
/// batches past the daily allocation) are reported as failures, not silently dropped.
/// </summary>
internal static class BulkResultJoiner
{
    /// <summary>The code given to records that were never processed.</summary>
    public const string UnprocessedCode = "UNPROCESSED";

    /// <summary>The code given to records for which the job reported nothing.</summary>
    public const string NoResultCode = "NO_RESULT";

    public static RecordResult[] Join(
        IReadOnlyList<string> keys,
        int firstIndex,
        string keyColumn,
        IReadOnlyList<IReadOnlyDictionary<string, string>> successful,
        IReadOnlyList<IReadOnlyDictionary<string, string>> failed,
        IReadOnlyList<IReadOnlyDictionary<string, string>> unprocessed)
    {
        // Several input records can share a key (the server fails them all with DUPLICATE_VALUE); each result row
        // with that key is handed to the next such record.
        var positions = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            if (!positions.TryGetValue(keys[i], out var queue))
            {
                positions[keys[i]] = queue = new Queue<int>();
            }

            queue.Enqueue(i);
        }

        var results = new RecordResult?[keys.Count];
        void Place(IReadOnlyDictionary<string, string> row, Func<int, string, RecordResult> build)
        {
            if (row.TryGetValue(keyColumn, out var key) && positions.TryGetValue(key, out var queue) && queue.Count > 0)
            {
                var i = queue.Dequeue();
                results[i] = build(firstIndex + i, key);
            }
        }

        foreach (var row in successful)
        {
            Place(row, (index, key) => new RecordResult(
                index, key, Cell(row, "sf__Id"), true, string.Equals(Cell(row, "sf__Created"), "true", StringComparison.OrdinalIgnoreCase), []));
        }

        foreach (var row in failed)
        {
            Place(row, (index, key) => new RecordResult(
                index, key, Cell(row, "sf__Id"), false, null, [BulkRecordError.Parse(Cell(row, "sf__Error") ?? string.Empty)]));
        }

        foreach (var row in unprocessed)
        {
            Place(row, (index, key) => new RecordResult(
                index, key, null, false, null, [new RecordError(UnprocessedCode, "The job ended before this record was processed.", [])]));
        }

        var joined = new RecordResult[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            joined[i] = results[i] ?? new RecordResult(
                firstIndex + i, keys[i], null, false, null, [new RecordError(NoResultCode, "The job reported no result for this record.", [])]);
        }

        return joined;
    }

    private static string? Cell(IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var value) && value.Length > 0 ? value : null;
}
