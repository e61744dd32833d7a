using System.Text;

namespace Lightbridge.Salesforce.Bulk;

/// <summary>
/// Reads a Bulk 2.0 result file as RFC 4180 CSV into rows keyed by header name (shared/reference/salesforce-api.md
/// §1.5): error messages hold commas, quotes and line breaks; the <c>sf__</c> headers come quoted; the original
/// columns may come back re-ordered, so nothing is read by position. A header-only file means no rows.
/// </summary>
internal static class BulkResultCsvReader
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string csv, char delimiter = ',')
    {
        var records = Parse(csv, delimiter);
        if (records.Count == 0)
        {
            return [];
        }

        var header = records[0];
        var rows = new List<IReadOnlyDictionary<string, string>>(records.Count - 1);
        for (var r = 1; r < records.Count; r++)
        {
            var cells = records[r];
            if (cells.Count == 1 && cells[0].Length == 0)
            {
                continue; // a blank line
            }

            if (cells.Count != header.Count)
            {
                throw new SalesforceApiException($"Bulk result row {r} has {cells.Count} cells for {header.Count} columns.");
            }

            var row = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var c = 0; c < header.Count; c++)
            {
                row[header[c]] = cells[c];
            }

            rows.Add(row);
        }

        return rows;
    }

    private static List<List<string>> Parse(string csv, char delimiter)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < csv.Length && csv[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    cell.Append(c);
                }

                continue;
            }

            if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                record.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(cell.ToString());
                cell.Clear();
                records.Add(record);
                record = [];
                any = false;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            throw new SalesforceApiException("A Bulk result file ends inside a quoted value.");
        }

        if (any)
        {
            record.Add(cell.ToString());
            records.Add(record);
        }

        return records;
    }
}
