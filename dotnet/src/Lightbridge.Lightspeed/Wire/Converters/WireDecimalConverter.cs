using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Converters;

/// <summary>
/// Reads money and quantities sent as strings (<c>"12.50"</c>, <c>"11.4860025"</c>) with the invariant culture, keeping
/// every digit (line <c>calc*</c> amounts are unrounded, §9.5). <c>""</c> and null read as absent; text that is not a
/// number, or an object or array where a number belongs, reads as <see cref="WireNumber.Bad"/> so that validation can
/// name the field rather than the page failing or the value silently becoming zero.
/// </summary>
internal sealed class WireDecimalConverter : JsonConverter<WireNumber>
{
    public override bool HandleNull => true;

    public override WireNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetDecimal(out var number) ? WireNumber.Of(number) : WireNumber.Bad;
            case JsonTokenType.String when WireText.TryGetAscii(ref reader, out var utf8):
                // The common case, read without a string: "12.50" parses the same from its bytes.
                if (utf8.IsEmpty)
                {
                    return default;
                }

                return decimal.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out var fromBytes)
                    ? WireNumber.Of(fromBytes)
                    : WireNumber.Bad;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text))
                {
                    return default;
                }

                return decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                    ? WireNumber.Of(parsed)
                    : WireNumber.Bad;
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.Skip();
                return WireNumber.Bad;
            case JsonTokenType.Null:
                return default;
            default:
                return WireNumber.Bad;
        }
    }

    public override void Write(Utf8JsonWriter writer, WireNumber value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Value is { } v)
        {
            writer.WriteStringValue(v.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
