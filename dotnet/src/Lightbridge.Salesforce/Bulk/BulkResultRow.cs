namespace Lightbridge.Salesforce.Bulk;

/// <summary>One row of a result file, its cells found by header name; reused from row to row while a file is read.</summary>
internal sealed class BulkResultRow
{
    private readonly Dictionary<string, int> _positions;

    public BulkResultRow(IReadOnlyList<string> header)
    {
        Header = header;
        _positions = new Dictionary<string, int>(header.Count, StringComparer.Ordinal);
        for (var c = 0; c < header.Count; c++)
        {
            _positions.TryAdd(header[c], c);
        }
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<string> Cells { get; set; } = [];

    /// <summary>The cell under <paramref name="column"/>; null when the file has no such column or the cell is empty.</summary>
    public string? this[string column] =>
        _positions.TryGetValue(column, out var c) && Cells[c].Length > 0 ? Cells[c] : null;

    /// <summary>A copy of the row keyed by header name.</summary>
    public IReadOnlyDictionary<string, string> ToDictionary()
    {
        var row = new Dictionary<string, string>(Header.Count, StringComparer.Ordinal);
        for (var c = 0; c < Header.Count; c++)
        {
            row[Header[c]] = Cells[c];
        }

        return row;
    }
}
