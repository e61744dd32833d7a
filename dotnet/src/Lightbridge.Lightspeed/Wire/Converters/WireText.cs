using System.Text;
using System.Text.Json;

namespace Lightbridge.Lightspeed.Wire.Converters;

/// <summary>
/// The value of a string token as the UTF-8 bytes the reader already holds, when they can stand in for the string the
/// tolerant converters would otherwise allocate: nothing escaped, in one segment, ASCII only. ASCII text trims and
/// compares byte for byte exactly as its string would (<see cref="string.Trim()"/> removes only tab to carriage return
/// and the space among ASCII characters), so the converters read such a value from the span and fall back to the
/// string, with its full Unicode rules, for anything else.
/// </summary>
internal static class WireText
{
    /// <summary>The token's value trimmed of ASCII white space; false when the value must be read as a string.</summary>
    public static bool TryGetAscii(ref Utf8JsonReader reader, out ReadOnlySpan<byte> trimmed)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || !Ascii.IsValid(reader.ValueSpan))
        {
            trimmed = default;
            return false;
        }

        trimmed = Trim(reader.ValueSpan);
        return true;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length && IsWhiteSpace(value[start]))
        {
            start++;
        }

        var end = value.Length;
        while (end > start && IsWhiteSpace(value[end - 1]))
        {
            end--;
        }

        return value[start..end];
    }

    private static bool IsWhiteSpace(byte b) => b is (>= 0x09 and <= 0x0D) or 0x20;
}
