using System.Globalization;

namespace Lightbridge.Salesforce.Bulk;

/// <summary>
/// Builds one CSV line as UTF-8 in a caller's buffer, growing it when needed: the common cell types (text, numbers,
/// booleans, instants, null, references) are formatted straight into the bytes, the rare ones through
/// <see cref="BulkCsvWriter.Cell"/>. Quoting works on the bytes: the delimiter, the quote and the line breaks are ASCII
/// and never occur inside a multi-byte UTF-8 sequence, so quoting the bytes is quoting the text.
/// </summary>
internal ref struct BulkCsvLineBuilder
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private readonly byte _delimiter;
    private byte[] _buffer;

    public BulkCsvLineBuilder(byte[] buffer, char delimiter)
    {
        if (!char.IsAscii(delimiter))
        {
            throw new ArgumentException($"The CSV delimiter must be an ASCII character, not U+{(int)delimiter:X4}.", nameof(delimiter));
        }

        _buffer = buffer;
        _delimiter = (byte)delimiter;
    }

    /// <summary>The buffer holding the line (a larger one than given when the line did not fit).</summary>
    public readonly byte[] Buffer => _buffer;

    /// <summary>The bytes written so far.</summary>
    public int Length { get; private set; }

    public void Delimiter() => Append(_delimiter);

    public void End() => Append((byte)'\n');

    /// <summary>Writes a value as <see cref="BulkCsvWriter.Cell"/> formats it, quoted when it must be.</summary>
    public void Cell(object? value, string field)
    {
        var start = Length;
        switch (value)
        {
            case null:
                Ascii(BulkCsvWriter.NullValue);
                break;
            case string text:
                Text(text);
                break;
            case bool flag:
                Ascii(flag ? "true" : "false");
                break;
            case decimal number:
                Formatted(number, default);
                break;
            case DateTimeOffset instant:
                Formatted(instant.ToUniversalTime(), InstantFormat);
                break;
            case ExternalIdReference reference:
                Text(reference.Value);
                break;
            default:
                Text(BulkCsvWriter.Cell(value, field));
                break;
        }

        QuoteFrom(start);
    }

    private void Text(string text)
    {
        Ensure(BulkCsvWriter.Utf8NoBom.GetMaxByteCount(text.Length));
        Length += BulkCsvWriter.Utf8NoBom.GetBytes(text, Buffer.AsSpan(Length));
    }

    private void Ascii(string text)
    {
        Ensure(text.Length);
        Length += System.Text.Ascii.FromUtf16(text, Buffer.AsSpan(Length), out var written) == System.Buffers.OperationStatus.Done
            ? written
            : throw new InvalidOperationException("An ASCII literal did not encode as ASCII.");
    }

    private void Formatted<T>(T value, ReadOnlySpan<char> format)
        where T : IUtf8SpanFormattable
    {
        Ensure(64);
        int written;
        while (!value.TryFormat(Buffer.AsSpan(Length), out written, format, CultureInfo.InvariantCulture))
        {
            Ensure(Buffer.Length - Length + 64);
        }

        Length += written;
    }

    /// <summary>Quotes the cell written from <paramref name="start"/> when it holds the delimiter, a quote or a line break (§1.6).</summary>
    private void QuoteFrom(int start)
    {
        var cell = Buffer.AsSpan(start, Length - start);
        if (cell.IndexOfAny((byte)'"', (byte)'\n', (byte)'\r') < 0 && cell.IndexOf(_delimiter) < 0)
        {
            return;
        }

        var quotes = cell.Count((byte)'"');
        Ensure(quotes + 2);

        // Move the cell right, from its end, doubling each quote; then the opening quote.
        var from = Length - 1;
        var to = Length + quotes + 1;
        Buffer[to] = (byte)'"';
        while (from >= start)
        {
            var b = Buffer[from--];
            Buffer[--to] = b;
            if (b == '"')
            {
                Buffer[--to] = b;
            }
        }

        Buffer[start] = (byte)'"';
        Length += quotes + 2;
    }

    private void Append(byte b)
    {
        Ensure(1);
        Buffer[Length++] = b;
    }

    private void Ensure(int more)
    {
        if (Length + more > Buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(Length + more, _buffer.Length * 2));
        }
    }
}
