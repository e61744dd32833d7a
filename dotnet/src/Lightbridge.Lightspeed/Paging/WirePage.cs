using System.Text.Json;

namespace Lightbridge.Lightspeed.Paging;

/// <summary>
/// Reads the envelope of a V3 response: <c>{"@attributes":{"next":"…","previous":"…"},"Sale":[…]}</c>.
/// One record comes as an object, not an array, and an empty page has no entity key at all
/// (shared/reference/lightspeed-api.md §4, §9.1, §9.2).
/// </summary>
internal static class WirePage
{
    private const string AttributesKey = "@attributes";

    /// <summary>The records under <paramref name="entityKey"/>: none, one (object) or many (array).</summary>
    public static IReadOnlyList<JsonElement> Records(JsonElement root, string entityKey)
    {
        if (root.ValueKind != JsonValueKind.Object || !TryGetProperty(root, entityKey, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.Object => [value],
            JsonValueKind.Array => [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)],
            _ => [], // "" or null: nothing.
        };
    }

    /// <summary>The <c>next</c> URL, or null at the last page (<c>""</c> or absent).</summary>
    public static string? Next(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty(AttributesKey, out var attributes)
            && attributes.ValueKind == JsonValueKind.Object
            && attributes.TryGetProperty("next", out var next)
            && next.ValueKind == JsonValueKind.String
            && next.GetString() is { Length: > 0 } url)
        {
            return url;
        }

        return null;
    }

    private static bool TryGetProperty(JsonElement root, string name, out JsonElement value)
    {
        if (root.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }
}
