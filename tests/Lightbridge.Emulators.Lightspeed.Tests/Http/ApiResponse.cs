using System.Text.Json;

namespace Lightbridge.Emulators.Lightspeed.Tests.Http;

/// <summary>A raw response: status, body text and headers (case-insensitive).</summary>
public sealed record ApiResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    private JsonElement? _json;

    public JsonElement Json => _json ??= JsonDocument.Parse(Body).RootElement.Clone();

    public string Header(string name) => Headers.TryGetValue(name, out var v) ? v : string.Empty;

    /// <summary>The entity rows of a list page whatever their shape (object for one, array for many, absent for none).</summary>
    public IReadOnlyList<JsonElement> Rows(string entity)
    {
        if (!Json.TryGetProperty(entity, out var value))
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
    }

    public string Next => Json.GetProperty("@attributes").GetProperty("next").GetString()!;

    public string Previous => Json.GetProperty("@attributes").GetProperty("previous").GetString()!;
}
