using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Converters;

/// <summary>Reads booleans sent as <c>"true"</c>/<c>"false"</c> (§9.3); <c>"1"</c>/<c>"0"</c>, real booleans, <c>""</c> and null (false) too.</summary>
internal sealed class WireBooleanConverter : JsonConverter<bool>
{
    public override bool HandleNull => true;

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number:
                return reader.TryGetDecimal(out var number) && number != 0;
            case JsonTokenType.String when WireText.TryGetAscii(ref reader, out var utf8):
                return Ascii.EqualsIgnoreCase(utf8, "true"u8)
                    || utf8.SequenceEqual("1"u8)
                    || Ascii.EqualsIgnoreCase(utf8, "yes"u8);
            case JsonTokenType.String:
                var text = reader.GetString()?.Trim();
                return string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)
                    || text == "1"
                    || string.Equals(text, "yes", StringComparison.OrdinalIgnoreCase);
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.Skip();
                return false;
            default:
                return false;
        }
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value ? "true" : "false");
    }
}
