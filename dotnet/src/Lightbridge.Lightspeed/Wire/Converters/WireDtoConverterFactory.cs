using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Converters;

/// <summary>
/// Reads the wire DTOs (<c>Lightbridge.Lightspeed.Wire.Dtos</c>) with <see cref="WireDtoConverter{T}"/>: one pass over
/// the record's members, each value read by the same tolerant converter the serializer would call. It takes only a DTO
/// the serializer would read the same way: a public parameterless constructor, no public fields, and public properties
/// that each have a public setter, no serializer attribute besides a name and a converter, and a value a wire converter
/// reads (text, amounts, booleans, instants, lists of DTOs, DTOs). Any other type is left to the serializer.
/// </summary>
internal sealed class WireDtoConverterFactory : JsonConverterFactory
{
    private static readonly string DtoNamespace = typeof(Dtos.SaleDto).Namespace!;
    private static readonly Type[] WireValueTypes = [typeof(string), typeof(WireNumber), typeof(bool), typeof(DateTimeOffset?)];

    /// <summary>
    /// Reads a nested DTO (a relation's object, a list's element) at the reader's start of object with the converter the
    /// serializer would pick for it, calling it directly when it is a <see cref="WireDtoConverter{T}"/>: going through
    /// <see cref="JsonSerializer"/> would scan the object ahead once more and set up a read state for each one.
    /// </summary>
    public static T? ReadNested<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.GetConverter(typeof(T)) is IWireDtoConverter and JsonConverter<T> dto
            ? dto.Read(ref reader, typeof(T), options)
            : JsonSerializer.Deserialize<T>(ref reader, options);
    }

    public override bool CanConvert(Type typeToConvert) => IsWireDto(typeToConvert, depth: 0);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(WireDtoConverter<>).MakeGenericType(typeToConvert), options)!;

    private static bool IsWireDto(Type type, int depth) =>
        depth < 8 && type.IsClass && type.Namespace == DtoNamespace && type.GetConstructor(Type.EmptyTypes) is not null
        && type.GetFields(BindingFlags.Public | BindingFlags.Instance).Length == 0
        && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).All(p => IsWireMember(p, depth));

    private static bool IsWireMember(PropertyInfo property, int depth)
    {
        if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true } || property.SetMethod is not { IsPublic: true })
        {
            return false;
        }

        var attributes = property.GetCustomAttributes(inherit: true)
            .Where(a => a.GetType().Namespace == typeof(JsonAttribute).Namespace || a.GetType().Name == "RequiredMemberAttribute")
            .ToList();
        if (!attributes.TrueForAll(a => a is JsonPropertyNameAttribute or JsonConverterAttribute))
        {
            return false;
        }

        if (attributes.OfType<JsonConverterAttribute>().FirstOrDefault() is { } converter)
        {
            return converter.ConverterType?.Namespace == typeof(WireDtoConverterFactory).Namespace;
        }

        var type = property.PropertyType;
        return Array.IndexOf(WireValueTypes, type) >= 0
            || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && IsWireDto(type.GetGenericArguments()[0], depth + 1))
            || IsWireDto(type, depth + 1);
    }
}
