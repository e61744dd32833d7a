using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Converters;

/// <summary>
/// Reads ISO 8601 datetimes with an offset (<c>"2021-06-06T15:19:18+00:00"</c>) as UTC instants. A value
/// without an offset is taken as UTC ("All times are stored in UTC", §2); <c>""</c> and garbage read as null.
/// </summary>
internal sealed class WireInstantConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return null;
        }

        if (WireText.TryGetAscii(ref reader, out var utf8))
        {
            if (utf8.IsEmpty)
            {
                return null;
            }

            if (TryParseIso(utf8, out var instant))
            {
                return instant;
            }
        }

        return Parse(reader.GetString());
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v)
        {
            writer.WriteStringValue(v.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>
    /// The shape the API sends, <c>2021-06-06T15:19:18+00:00</c> (or <c>Z</c>), read from its bytes. Anything else,
    /// or a field out of range, returns false and goes to <see cref="Parse"/>, whose answer is the reference.
    /// </summary>
    internal static bool TryParseIso(ReadOnlySpan<byte> text, out DateTimeOffset instant)
    {
        instant = default;
        if (text.Length is not (20 or 25)
            || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        // Years at the ends of the range are left to the full parser: an offset can carry them past DateTime's range.
        if (year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var offset = TimeSpan.Zero;
        if (text.Length == 20)
        {
            if (text[19] != 'Z')
            {
                return false;
            }
        }
        else
        {
            if (text[19] is not ((byte)'+' or (byte)'-') || text[22] != ':'
                || !TryDigits(text.Slice(20, 2), out var offsetHours) || !TryDigits(text.Slice(23, 2), out var offsetMinutes)
                || offsetHours > 14 || offsetMinutes > 59 || (offsetHours == 14 && offsetMinutes > 0))
            {
                return false;
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (text[19] == '-')
            {
                offset = -offset;
            }
        }

        instant = new DateTimeOffset(year, month, day, hour, minute, second, offset).ToUniversalTime();
        return true;
    }

    internal static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(
            text.Trim(),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var instant)
            ? instant.ToUniversalTime()
            : null;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return true;
    }
}
