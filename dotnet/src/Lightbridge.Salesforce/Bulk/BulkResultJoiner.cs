namespace Lightbridge.Salesforce.Bulk;

/// <summary>
/// Joins a job's three result files back to the records of its upload part by the key column (the external ID
/// for upsert, <c>Id</c> otherwise), never by row position: result rows come back in any order
/// (shared/reference/salesforce-api.md §1.5). Rows are placed one at a time as the files stream in, so only the
/// part's keys and results are held, never a whole file. Records without any result row (results are not
/// recorded for batches past the daily allocation) are reported as failures, not silently dropped.
/// </summary>
internal sealed class BulkResultJoiner
{
    /// <summary>The code given to records that were never processed.</summary>
    public const string UnprocessedCode = "UNPROCESSED";

    /// <summary>The code given to records for which the job reported nothing.</summary>
    public const string NoResultCode = "NO_RESULT";

    private readonly IReadOnlyList<string> _keys;
    private readonly int _firstIndex;
    private readonly Dictionary<string, int> _first;
    private readonly int[] _next;
    private readonly RecordResult?[] _results;
    private readonly BulkResultFile[] _placedFrom;
    private readonly int[] _counts = new int[4];

    public BulkResultJoiner(IReadOnlyList<string> keys, int firstIndex, string keyColumn)
    {
        _keys = keys;
        _firstIndex = firstIndex;
        KeyColumn = keyColumn;
        _results = new RecordResult?[keys.Count];
        _placedFrom = new BulkResultFile[keys.Count];

        // Several input records can share a key (the server fails them all with DUPLICATE_VALUE); each result row
        // with that key goes to the first such record still without one. The chain runs in input order.
        _first = new Dictionary<string, int>(keys.Count, StringComparer.Ordinal);
        _next = new int[keys.Count];
        for (var i = keys.Count - 1; i >= 0; i--)
        {
            _next[i] = _first.TryGetValue(keys[i], out var later) ? later : -1;
            _first[keys[i]] = i;
        }
    }

    /// <summary>The column the result files echo the key in.</summary>
    public string KeyColumn { get; }

    /// <summary>
    /// Joins whole files held in memory (small loads; tests): successful, then failed, then unprocessed rows.
    /// </summary>
    public static RecordResult[] Join(
        IReadOnlyList<string> keys,
        int firstIndex,
        string keyColumn,
        IReadOnlyList<IReadOnlyDictionary<string, string>> successful,
        IReadOnlyList<IReadOnlyDictionary<string, string>> failed,
        IReadOnlyList<IReadOnlyDictionary<string, string>> unprocessed)
    {
        var joiner = new BulkResultJoiner(keys, firstIndex, keyColumn);
        foreach (var (file, rows) in new[] { (BulkResultFile.Successful, successful), (BulkResultFile.Failed, failed), (BulkResultFile.Unprocessed, unprocessed) })
        {
            joiner.Begin(file);
            foreach (var row in rows)
            {
                joiner.Place(file, column => row.TryGetValue(column, out var value) && value.Length > 0 ? value : null);
            }
        }

        return joiner.Results();
    }

    /// <summary>Starts reading a file: rows placed by an earlier, interrupted read of the same file are taken back.</summary>
    public void Begin(BulkResultFile file)
    {
        _counts[(int)file] = 0;
        for (var i = 0; i < _results.Length; i++)
        {
            if (_placedFrom[i] == file)
            {
                _results[i] = null;
                _placedFrom[i] = BulkResultFile.None;
            }
        }
    }

    /// <summary>How many rows <paramref name="file"/> held, as read so far.</summary>
    public int Count(BulkResultFile file) => _counts[(int)file];

    /// <summary>Places one result row; <paramref name="cell"/> gives a cell by column name, null when empty.</summary>
    public void Place(BulkResultFile file, Func<string, string?> cell)
    {
        _counts[(int)file]++;
        if (cell(KeyColumn) is not { } key || !_first.TryGetValue(key, out var i))
        {
            return;
        }

        while (i >= 0 && _results[i] is not null)
        {
            i = _next[i];
        }

        if (i < 0)
        {
            return;
        }

        var index = _firstIndex + i;
        _placedFrom[i] = file;
        _results[i] = file switch
        {
            BulkResultFile.Successful => new RecordResult(
                index, key, cell("sf__Id"), true, string.Equals(cell("sf__Created"), "true", StringComparison.OrdinalIgnoreCase), []),
            BulkResultFile.Failed => new RecordResult(
                index, key, cell("sf__Id"), false, null, [BulkRecordError.Parse(cell("sf__Error") ?? string.Empty)]),
            _ => new RecordResult(
                index, key, null, false, null, [new RecordError(UnprocessedCode, "The job ended before this record was processed.", [])]),
        };
    }

    /// <summary>How many records of the part no row has been placed for yet.</summary>
    public int Unplaced => _results.Count(r => r is null);

    /// <summary>
    /// Reports every record no row was placed for as written, without an Id or created flag: for a job whose counts
    /// say those records succeeded, when the caller did not ask for the successful file.
    /// </summary>
    public void SucceedUnplaced()
    {
        for (var i = 0; i < _results.Length; i++)
        {
            if (_results[i] is null)
            {
                _results[i] = new RecordResult(_firstIndex + i, _keys[i], null, true, null, []);
                _placedFrom[i] = BulkResultFile.Successful;
            }
        }
    }

    /// <summary>One result per record of the part, in input order; a record no file named gets <see cref="NoResultCode"/>.</summary>
    public RecordResult[] Results()
    {
        var joined = new RecordResult[_keys.Count];
        for (var i = 0; i < _keys.Count; i++)
        {
            joined[i] = _results[i] ?? new RecordResult(
                _firstIndex + i, _keys[i], null, false, null, [new RecordError(NoResultCode, "The job reported no result for this record.", [])]);
        }

        return joined;
    }
}
