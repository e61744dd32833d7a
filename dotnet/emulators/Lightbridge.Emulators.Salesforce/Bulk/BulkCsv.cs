using System.Text;

namespace Lightbridge.Emulators.Salesforce.Bulk;

/// <summary>
/// RFC 4180 CSV as Bulk API 2.0 reads and writes it (reference section 1.6): the job's delimiter, quoted values may
/// hold delimiters, quotes and newlines, nothing is trimmed, and every line must end with the job's line ending; a
/// mismatch is reported, not repaired.
/// </summary>
internal static class BulkCsv
{
    /// <summary>The character a columnDelimiter name stands for.</summary>
    public static char DelimiterOf(string columnDelimiter) => columnDelimiter switch
    {
        "BACKQUOTE" => '`',
        "CARET" => '^',
        "PIPE" => '|',
        "SEMICOLON" => ';',
        "TAB" => '\t',
        _ => ',',
    };

    public static string NewLineOf(string lineEnding) => lineEnding == "CRLF" ? "\r\n" : "\n";

    /// <summary>Parses <paramref name="text"/>; returns null rows and the job-level error when the line endings do not match.</summary>
    public static (List<List<string>>? Rows, string? Error) Parse(string text, char delimiter, string lineEnding)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        var crlf = lineEnding == "CRLF";
        var invalid = $"ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is {lineEnding}";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && !fieldStarted)
            {
                quoted = true;
                fieldStarted = true;
            }
            else if (c == delimiter)
            {
                row.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
            }
            else if (c == '\r' || c == '\n')
            {
                var isCrlf = c == '\r' && i + 1 < text.Length && text[i + 1] == '\n';
                if (crlf != isCrlf)
                {
                    return (null, invalid);
                }

                if (isCrlf)
                {
                    i++;
                }

                row.Add(field.ToString());
                rows.Add(row);
                row = [];
                field.Clear();
                fieldStarted = false;
            }
            else
            {
                field.Append(c);
                fieldStarted = true;
            }
        }

        if (fieldStarted || field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return (rows, null);
    }

    /// <summary>Writes one line with every value quoted, as result files are.</summary>
    public static void AppendLine(StringBuilder sb, IEnumerable<string> values, char delimiter, string newLine)
    {
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                sb.Append(delimiter);
            }

            sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            first = false;
        }

        sb.Append(newLine);
    }
}
