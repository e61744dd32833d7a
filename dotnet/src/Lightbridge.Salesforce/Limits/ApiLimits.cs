using System.Text.Json;

namespace Lightbridge.Salesforce;

/// <summary>
/// The org's limits from <c>GET /services/data/vXX.X/limits</c>, keyed by limit name (<c>DailyApiRequests</c>,
/// <c>DailyBulkApiBatches</c>, <c>HourlyPublishedPlatformEvents</c>, …). Values lag by up to about 5 minutes
/// (shared/reference/salesforce-api.md §2.7).
/// </summary>
public sealed class ApiLimits
{
    private readonly Dictionary<string, ApiLimit> _limits;

    private ApiLimits(Dictionary<string, ApiLimit> limits) => _limits = limits;

    /// <summary>Every limit by name (case-sensitive, as Salesforce spells them).</summary>
    public IReadOnlyDictionary<string, ApiLimit> All => _limits;

    /// <summary>The daily API request allowance, when reported.</summary>
    public ApiLimit? DailyApiRequests => Find("DailyApiRequests");

    /// <summary>The daily Bulk API batch allowance shared by Bulk 1.0 and 2.0 ingest, when reported.</summary>
    public ApiLimit? DailyBulkApiBatches => Find("DailyBulkApiBatches");

    /// <summary>Returns the named limit, or null when the org does not report it.</summary>
    public ApiLimit? Find(string name) => _limits.GetValueOrDefault(name);

    /// <summary>Parses a <c>/limits</c> body. Entries without numeric <c>Max</c> and <c>Remaining</c> are skipped.</summary>
    /// <exception cref="JsonException">The body is not a JSON object.</exception>
    public static ApiLimits Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The /limits response is not a JSON object.");
        }

        var limits = new Dictionary<string, ApiLimit>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            // Entries also carry nested per-app breakdowns (e.g. "Lightbridge": {...}); only Max/Remaining matter here.
            if (property.Value.ValueKind == JsonValueKind.Object
                && property.Value.TryGetProperty("Max", out var max) && max.ValueKind == JsonValueKind.Number && max.TryGetInt64(out var maxValue)
                && property.Value.TryGetProperty("Remaining", out var remaining) && remaining.ValueKind == JsonValueKind.Number
                && remaining.TryGetInt64(out var remainingValue))
            {
                limits[property.Name] = new ApiLimit(maxValue, remainingValue);
            }
        }

        return new ApiLimits(limits);
    }
}
