using System.Text;

namespace Lightbridge.Salesforce.Bulk;

/// <summary>
/// An RFC 4180 CSV parser fed text in pieces of any size (a record may span pieces), handing each record over as
/// soon as its line ends: a result file is read as it streams in, with one record's cells in memory. Quoted values
/// may hold the delimiter, doubled quotes and line breaks; lines end in LF, CRLF or CR. The list handed to
/// <c>onRecord</c> is reused for the next record: copy what must be kept.
/// </summary>
internal sealed class BulkCsvRecordParser(char delimiter)
{
    private readonly StringBuilder _cell = new();
    private readonly List<string> _record = [];
    private bool _quoted;
    private bool _quoteInQuoted;
    private bool _afterCr;
    private bool _any;

    public void Feed(ReadOnlySpan<char> text, Action<List<string>> onRecord)
    {
        foreach (var c in text)
        {
            if (_afterCr)
            {
                _afterCr = false;
                if (c == '\n')
                {
                    continue;
                }
            }

            _any = true;
            if (_quoted)
            {
                if (_quoteInQuoted)
                {
                    _quoteInQuoted = false;
                    if (c == '"')
                    {
                        _cell.Append('"');
                        continue;
                    }

                    // The quote closed the value; this character is read as outside quotes.
                    _quoted = false;
                }
                else
                {
                    if (c == '"')
                    {
                        _quoteInQuoted = true;
                    }
                    else
                    {
                        _cell.Append(c);
                    }

                    continue;
                }
            }

            if (c == '"' && _cell.Length == 0)
            {
                _quoted = true;
            }
            else if (c == delimiter)
            {
                _record.Add(_cell.ToString());
                _cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                _afterCr = c == '\r';
                EndRecord(onRecord);
            }
            else
            {
                _cell.Append(c);
            }
        }
    }

    /// <summary>Ends the input: hands over a last record without a line ending.</summary>
    /// <exception cref="SalesforceApiException">The input ends inside a quoted value.</exception>
    public void Finish(Action<List<string>> onRecord)
    {
        if (_quoteInQuoted)
        {
            _quoteInQuoted = false;
            _quoted = false;
        }

        if (_quoted)
        {
            throw new SalesforceApiException("A Bulk result file ends inside a quoted value.");
        }

        if (_any)
        {
            EndRecord(onRecord);
        }
    }

    private void EndRecord(Action<List<string>> onRecord)
    {
        _record.Add(_cell.ToString());
        _cell.Clear();
        _any = false;
        onRecord(_record);
        _record.Clear();
    }
}
