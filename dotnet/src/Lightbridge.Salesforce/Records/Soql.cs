using System.Globalization;
using System.Text;

namespace Lightbridge.Salesforce;

/// <summary>
/// Literals for building SOQL WHERE clauses safely. Strings are quoted with SOQL's backslash escapes, so a
/// value can never end the literal early; dates and date-times use SOQL's unquoted literal forms.
/// </summary>
public static class Soql
{
    /// <summary>
    /// A quoted string literal: <c>O'Brien</c> becomes <c>'O\'Brien'</c>, a backslash <c>\\</c>, and newline,
    /// return, tab, backspace, form feed and double quote their escapes (SOQL's documented escape sequences).
    /// </summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => text.Append(@"\\"),
                '\'' => text.Append(@"\'"),
                '"' => text.Append("\\\""),
                '\n' => text.Append(@"\n"),
                '\r' => text.Append(@"\r"),
                '\t' => text.Append(@"\t"),
                '\b' => text.Append(@"\b"),
                '\f' => text.Append(@"\f"),
                _ => text.Append(c),
            };
        }

        return text.Append('\'').ToString();
    }

    /// <summary>An <c>IN</c> list, <c>('a','b')</c>, of quoted distinct values; at least one value is required.</summary>
    public static string InList(IEnumerable<string> values)
    {
        var quoted = values.Distinct(StringComparer.Ordinal).Select(Quote).ToList();
        if (quoted.Count == 0)
        {
            throw new ArgumentException("An IN list needs at least one value.", nameof(values));
        }

        return "(" + string.Join(",", quoted) + ")";
    }

    /// <summary>A date literal, <c>2024-05-01</c> (unquoted; no offset).</summary>
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A date-time literal in UTC, <c>2024-05-01T10:15:30Z</c> (unquoted). SOQL's documented form has whole
    /// seconds, so any fraction is dropped: that moves a lower bound (<c>&gt;=</c>) earlier, which only re-reads a
    /// record or two. For an exclusive upper bound round the value up to the next second first.
    /// </summary>
    public static string DateTime(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        var whole = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return whole.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>A number literal in invariant form, <c>12.50</c>.</summary>
    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A boolean literal, <c>true</c> or <c>false</c>.</summary>
    public static string Boolean(bool value) => value ? "true" : "false";
}
