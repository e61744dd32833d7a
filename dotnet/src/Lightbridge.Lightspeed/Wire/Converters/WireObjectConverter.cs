using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Converters;

/// <summary>
/// Reads a relation wrapper that is an object when present and <c>""</c> when empty
/// (<c>"Phones":""</c>, <c>"Emails":{"ContactEmail":…}</c>; §9.2). Put on a property with
/// <c>[JsonConverter(typeof(WireObjectConverter&lt;T&gt;))]</c>; the type itself deserializes normally.
/// </summary>
internal sealed class WireObjectConverter<T> : JsonConverter<T?>
    where T : class
{
    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return WireDtoConverterFactory.ReadNested<T>(ref reader, options);
            case JsonTokenType.StartArray:
                // Not a shape the API is known to send; take the first object rather than fail the page.
                T? first = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject && first is null)
                    {
                        first = WireDtoConverterFactory.ReadNested<T>(ref reader, options);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                return first;
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}
