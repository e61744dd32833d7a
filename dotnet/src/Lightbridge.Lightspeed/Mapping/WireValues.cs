using System.Text.Json;
using Lightbridge.Core.Model;

namespace Lightbridge.Lightspeed.Mapping;

/// <summary>Small conversions shared by the mappers.</summary>
internal static class WireValues
{
    /// <summary>A foreign key: <c>"0"</c>, <c>""</c> and absent are null (shared/reference/lightspeed-api.md §9.4).</summary>
    public static LightspeedId? Reference(string? value) => LightspeedId.FromWire(value);

    /// <summary>A record's own id, which must be there.</summary>
    public static LightspeedId Required(string? value, string entity, string field) =>
        LightspeedId.FromWire(value) ?? throw new JsonException($"A Lightspeed {entity} record has no {field}.");

    /// <summary>Text with blanks as null.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static decimal Amount(decimal? value) => value ?? 0m;

    public static decimal Sum(decimal? a, decimal? b) => (a ?? 0m) + (b ?? 0m);

    /// <summary>Parses a lower-case wire word into an enum by a table; unknown words give the fallback.</summary>
    public static T Word<T>(string? value, IReadOnlyDictionary<string, T> table, T fallback) =>
        value is not null && table.TryGetValue(value.Trim(), out var mapped) ? mapped : fallback;
}
