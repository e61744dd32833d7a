using System.Globalization;
using System.Text.Json;

namespace Lightbridge.XSeries.Paging;

/// <summary>
/// One list page, <c>{"data":[…],"version":{"min":…,"max":…}}</c> (shared/reference/lightspeed-api.md §7): its records
/// in ascending version, and the cursor to ask the next page after.
/// </summary>
internal sealed record VersionPage(IReadOnlyList<JsonElement> Records, long? Max)
{
    /// <summary>Reads a page; the records are cloned, so the document may be disposed.</summary>
    /// <exception cref="JsonException">The body is not a page (no <c>data</c> list).</exception>
    public static VersionPage Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data)
            || data.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null))
        {
            throw new JsonException("An X-Series list response has no data list.");
        }

        var records = data.ValueKind == JsonValueKind.Array
            ? data.EnumerateArray().Select(r => r.Clone()).ToList()
            : [];

        // The server sorts by version; sorting again (stably) costs little and makes "ascending" a property of the
        // client, not a hope. A record without a readable version sorts last and is reported unreadable when mapped.
        var ordered = records.OrderBy(r => VersionOf(r) ?? long.MaxValue).ToList();
        var envelopeMax = root.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Object
            && version.TryGetProperty("max", out var max) ? Number(max) : null;
        var recordMax = ordered.Select(VersionOf).Max();
        return new VersionPage(ordered, Larger(envelopeMax, recordMax));
    }

    /// <summary>A record's <c>version</c>, when it can be read.</summary>
    public static long? VersionOf(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty("version", out var value) ? Number(value) : null;

    private static long? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static long? Larger(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
