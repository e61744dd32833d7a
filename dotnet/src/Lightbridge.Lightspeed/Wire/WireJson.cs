using System.Text.Json;
using System.Text.Json.Serialization;
using Lightbridge.Lightspeed.Wire.Converters;

namespace Lightbridge.Lightspeed.Wire;

/// <summary>
/// The serializer settings for R-Series JSON: tolerant of every quirk in shared/reference/lightspeed-api.md §9 —
/// strings for numbers and booleans, single-or-array lists, <c>""</c> for empty, case-insensitive names
/// (<c>updatetime</c>/<c>updateTime</c>, §9.11), unknown members ignored.
/// </summary>
internal static class WireJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static T Deserialize<T>(JsonElement element)
        where T : class =>
        element.Deserialize<T>(Options) ?? throw new JsonException($"A {typeof(T).Name} record was null.");

    /// <summary>Reads one record from its UTF-8 bytes (a record of a page, see <c>WirePage</c>).</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8)
        where T : class =>
        JsonSerializer.Deserialize<T>(utf8, Options) ?? throw new JsonException($"A {typeof(T).Name} record was null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNameCaseInsensitive = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        options.Converters.Add(new WireStringConverter());
        options.Converters.Add(new WireDecimalConverter());
        options.Converters.Add(new WireBooleanConverter());
        options.Converters.Add(new WireInstantConverter());
        options.Converters.Add(new SingleOrArrayConverterFactory());
        options.Converters.Add(new WireDtoConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
