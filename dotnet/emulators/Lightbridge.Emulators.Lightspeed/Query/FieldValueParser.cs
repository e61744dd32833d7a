using System.Globalization;
using System.Text.RegularExpressions;

namespace Lightbridge.Emulators.Lightspeed.Query;

/// <summary>Parses filter operands and cursor values into the typed values <see cref="FieldDefinition{T}"/> getters return.</summary>
internal static partial class FieldValueParser
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd",
    ];

    public static bool TryParse(FieldKind kind, string text, out object? value)
    {
        value = null;
        switch (kind)
        {
            case FieldKind.Integer:
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                {
                    value = l;
                    return true;
                }

                return false;
            case FieldKind.Decimal:
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d))
                {
                    value = d;
                    return true;
                }

                return false;
            case FieldKind.DateTime:
                if (TryParseDate(text, out var t))
                {
                    value = t;
                    return true;
                }

                return false;
            case FieldKind.Boolean:
                switch (text.ToUpperInvariant())
                {
                    case "TRUE" or "1":
                        value = true;
                        return true;
                    case "FALSE" or "0":
                        value = false;
                        return true;
                    default:
                        return false;
                }

            default:
                value = text;
                return true;
        }
    }

    /// <summary>
    /// Accepts <c>YYYY-MM-DDTHH:MM:SS±HH:MM</c> and the <c>-0400</c> form the docs also use (reference section 4).
    /// A <c>+</c> that became a space (unencoded in the URL) does not parse, as on the real server.
    /// </summary>
    public static bool TryParseDate(string text, out DateTimeOffset value)
    {
        var normalized = CompactOffset().Replace(text, "$1$2:$3");
        return DateTimeOffset.TryParseExact(
            normalized,
            DateFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);
    }

    [GeneratedRegex(@"([+-])(\d{2})(\d{2})$")]
    private static partial Regex CompactOffset();
}
