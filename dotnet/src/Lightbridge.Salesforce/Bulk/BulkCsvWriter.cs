using System.Globalization;
using System.Text;
using Lightbridge.Salesforce.Records;

namespace Lightbridge.Salesforce.Bulk;

/// <summary>
/// Writes records as Bulk API 2.0 CSV (shared/reference/salesforce-api.md §1.3, §1.6): UTF-8 without a BOM (a BOM
/// becomes part of the first header and fails the job), every line ending in LF, RFC 4180 quoting of values holding
/// the delimiter, a quote or a line break, <c>#N/A</c> for null (an empty cell means "leave as is" on update),
/// relationship columns <c>Store__r.Lightspeed_Shop_Id__c</c> (or <c>Type:Rel.Field</c> for polymorphic ones),
/// dates <c>yyyy-MM-dd</c>, date-times in UTC with milliseconds and <c>Z</c>, numbers invariant, booleans lower-case.
/// The output is split into parts under a byte cap, each with its own header.
/// </summary>
internal static class BulkCsvWriter
{
    /// <summary>
    /// The default cap per upload: a job takes 150 MB once base64-encoded, so about 100 MB of raw CSV (§1.3).
    /// </summary>
    public const int DefaultMaxPartBytes = 100_000_000;

    /// <summary>Null, written so that the field is cleared (§1.6).</summary>
    public const string NullValue = "#N/A";

    /// <summary>UTF-8 without a BOM, refusing text that is not valid Unicode (a lone surrogate) instead of mangling it.</summary>
    public static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The header cells for the records: every field of every record, in first-seen order.</summary>
    public static IReadOnlyList<BulkCsvColumn> Columns(IReadOnlyList<IReadOnlyDictionary<string, object?>> records)
    {
        var columns = new List<BulkCsvColumn>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            foreach (var (field, value) in record)
            {
                var column = BulkCsvColumn.For(field, value);
                if (seen.Add(column.Header))
                {
                    columns.Add(column);
                }
            }
        }

        return columns;
    }

    /// <summary>Writes the records as one or more parts, none larger than <paramref name="maxPartBytes"/>.</summary>
    /// <exception cref="ArgumentException">A single record does not fit in a part, or a value cannot be written.</exception>
    public static IEnumerable<BulkCsvPart> WriteParts(
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        char delimiter = ',',
        int maxPartBytes = DefaultMaxPartBytes)
    {
        var columns = Columns(records);
        var header = Utf8NoBom.GetBytes(HeaderLine(columns, delimiter));
        var buffer = new MemoryStream();
        buffer.Write(header);
        var first = 0;
        var row = new byte[256];
        for (var i = 0; i < records.Count; i++)
        {
            var length = WriteLine(records[i], columns, delimiter, ref row);
            if (header.Length + length > maxPartBytes)
            {
                throw new ArgumentException($"Record {i} takes {length} bytes of CSV, more than one upload may hold.", nameof(records));
            }

            if (buffer.Length + length > maxPartBytes)
            {
                yield return new BulkCsvPart(buffer.ToArray(), first, i - first);
                buffer = new MemoryStream();
                buffer.Write(header);
                first = i;
            }

            buffer.Write(row, 0, length);
        }

        if (records.Count > first)
        {
            yield return new BulkCsvPart(buffer.ToArray(), first, records.Count - first);
        }
    }

    /// <summary>The header line, LF included.</summary>
    public static string HeaderLine(IReadOnlyList<BulkCsvColumn> columns, char delimiter) =>
        string.Join(delimiter, columns.Select(c => Quote(c.Header, delimiter))) + "\n";

    /// <summary>
    /// Writes one record's line, LF included, as UTF-8 into <paramref name="buffer"/> (grown when it is too small) and
    /// returns its length; a field the record does not have is an empty cell. The cells go straight into the buffer:
    /// no string per cell or per line.
    /// </summary>
    /// <exception cref="EncoderFallbackException">A text value is not valid Unicode (a lone surrogate).</exception>
    /// <exception cref="ArgumentException">A value cannot be written.</exception>
    public static int WriteLine(IReadOnlyDictionary<string, object?> record, IReadOnlyList<BulkCsvColumn> columns, char delimiter, ref byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(columns);
        var line = new BulkCsvLineBuilder(buffer, delimiter);
        for (var c = 0; c < columns.Count; c++)
        {
            if (c > 0)
            {
                line.Delimiter();
            }

            var column = columns[c];
            if (record.TryGetValue(column.Field, out var value) && column.Matches(value))
            {
                line.Cell(value, column.Field);
            }

            // A field the record does not have stays an empty cell: "leave as is" on update (§1.6).
        }

        line.End();
        buffer = line.Buffer;
        return line.Length;
    }

    /// <summary>Formats one value as it appears in a cell, before quoting.</summary>
    public static string Cell(object? value, string field) => value switch
    {
        null => NullValue,
        string text => text,
        bool flag => flag ? "true" : "false",
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        short number => number.ToString(CultureInfo.InvariantCulture),
        double number when double.IsFinite(number) => number.ToString("R", CultureInfo.InvariantCulture),
        float number when float.IsFinite(number) => number.ToString("R", CultureInfo.InvariantCulture),
        DateOnly date => SalesforceFormats.Date(date),
        DateTimeOffset instant => SalesforceFormats.DateTime(instant),
        DateTime dateTime => SalesforceFormats.DateTime(SalesforceFormats.Instant(dateTime, field)),
        Guid guid => guid.ToString("D"),
        ExternalIdReference reference => reference.Value,
        _ => throw new ArgumentException($"Field {field} holds a {value.GetType().Name}, which the client does not write to CSV.", nameof(value)),
    };

    /// <summary>Quotes a cell when it holds the delimiter, a quote or a line break, doubling embedded quotes (§1.6).</summary>
    public static string Quote(string cell, char delimiter) =>
        cell.AsSpan().IndexOfAny(['"', '\n', '\r', delimiter]) >= 0
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : cell;
}
