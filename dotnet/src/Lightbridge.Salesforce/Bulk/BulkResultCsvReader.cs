namespace Lightbridge.Salesforce.Bulk;

/// <summary>
/// Reads a Bulk 2.0 result file as RFC 4180 CSV, row by row, with cells found by header name
/// (shared/reference/salesforce-api.md §1.5): error messages hold commas, quotes and line breaks; the <c>sf__</c>
/// headers come quoted; the original columns may come back re-ordered, so nothing is read by position. A
/// header-only file means no rows; blank lines are skipped.
/// </summary>
internal sealed class BulkResultCsvReader
{
    private const int CharBufferSize = 16 * 1024;

    private readonly BulkCsvRecordParser _parser;
    private readonly Action<BulkResultRow> _onRow;
    private BulkResultRow? _row;
    private int _number;

    private BulkResultCsvReader(char delimiter, Action<BulkResultRow> onRow)
    {
        _parser = new BulkCsvRecordParser(delimiter);
        _onRow = onRow;
    }

    /// <summary>Reads a whole file held as text (small files; tests).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string csv, char delimiter = ',')
    {
        var rows = new List<IReadOnlyDictionary<string, string>>();
        var reader = new BulkResultCsvReader(delimiter, row => rows.Add(row.ToDictionary()));
        reader._parser.Feed(csv, reader.OnRecord);
        reader._parser.Finish(reader.OnRecord);
        return rows;
    }

    /// <summary>Reads a file as it streams in, handing each row to <paramref name="onRow"/> (valid only during the call).</summary>
    public static async Task ReadAsync(Stream stream, char delimiter, Action<BulkResultRow> onRow, CancellationToken ct)
    {
        var reader = new BulkResultCsvReader(delimiter, onRow);
        using var text = new StreamReader(stream, BulkCsvWriter.Utf8NoBom, detectEncodingFromByteOrderMarks: false, CharBufferSize, leaveOpen: true);
        var buffer = new char[CharBufferSize];
        int read;
        while ((read = await text.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            reader._parser.Feed(buffer.AsSpan(0, read), reader.OnRecord);
        }

        reader._parser.Finish(reader.OnRecord);
    }

    private void OnRecord(List<string> cells)
    {
        if (_row is null)
        {
            _row = new BulkResultRow([.. cells]);
            return;
        }

        _number++;
        if (cells.Count == 1 && cells[0].Length == 0)
        {
            return; // a blank line
        }

        if (cells.Count != _row.Header.Count)
        {
            throw new SalesforceApiException($"Bulk result row {_number} has {cells.Count} cells for {_row.Header.Count} columns.");
        }

        _row.Cells = cells;
        _onRow(_row);
    }
}
