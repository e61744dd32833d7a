using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Converters;

/// <summary>
/// Reads every <see cref="List{T}"/> from an array, a single object (one element comes unwrapped),
/// <c>""</c> or null (empty) — the API does all four at every level (shared/reference/lightspeed-api.md §9.1, §9.2).
/// </summary>
internal sealed class SingleOrArrayConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(List<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var element = typeToConvert.GetGenericArguments()[0];
        return (JsonConverter)Activator.CreateInstance(typeof(SingleOrArrayConverter<>).MakeGenericType(element))!;
    }
}
