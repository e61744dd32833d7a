using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Converters;

/// <summary>The list converter <see cref="SingleOrArrayConverterFactory"/> makes for one element type.</summary>
internal sealed class SingleOrArrayConverter<T> : JsonConverter<List<T>>
    where T : class
{
    public override bool HandleNull => true;

    public override List<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var list = new List<T>();
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                AddIfPresent(list, WireDtoConverterFactory.ReadNested<T>(ref reader, options));
                break;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        AddIfPresent(list, WireDtoConverterFactory.ReadNested<T>(ref reader, options));
                    }
                    else
                    {
                        reader.Skip(); // "" or null inside an array: nothing to read.
                    }
                }

                break;
            default:
                reader.Skip(); // "" or null: an empty relation.
                break;
        }

        return list;
    }

    public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToArray(), options);

    private static void AddIfPresent(List<T> list, T? item)
    {
        if (item is not null)
        {
            list.Add(item);
        }
    }
}
