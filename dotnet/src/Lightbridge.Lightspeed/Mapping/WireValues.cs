using System.Text.Json;
using Lightbridge.Core.Model;
using Lightbridge.Lightspeed.Wire;

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

    /// <summary>An amount, zero when absent; a malformed value is also zero and its field name goes into <paramref name="malformed"/>.</summary>
    public static decimal Amount(WireNumber value, string field, List<string> malformed)
    {
        if (value.Malformed)
        {
            malformed.Add(field);
        }

        return value.Value ?? 0m;
    }

    /// <summary>The sum of two amounts read like <see cref="Amount"/>.</summary>
    public static decimal Sum(WireNumber a, string fieldA, WireNumber b, string fieldB, List<string> malformed) =>
        Amount(a, fieldA, malformed) + Amount(b, fieldB, malformed);

    /// <summary>Parses a lower-case wire word into an enum by a table; unknown words give the fallback.</summary>
    public static T Word<T>(string? value, IReadOnlyDictionary<string, T> table, T fallback) =>
        value is not null && table.TryGetValue(value.Trim(), out var mapped) ? mapped : fallback;
}
