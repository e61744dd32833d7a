using Lightbridge.Core.Identity;
using Lightbridge.Core.Normalization;
using Scriban.Runtime;

namespace Lightbridge.Sync.Mapping;

/// <summary>Converts canonical values into the forms Scriban's built-in functions understand.</summary>
internal static class ScriptValues
{
    /// <summary>
    /// Ids and codes become strings (their <c>ToString</c> may mask personal data, so their raw value is used), instants
    /// become UTC <see cref="DateTime"/> and dates midnight <see cref="DateTime"/> (Scriban's <c>date</c> functions
    /// work on <see cref="DateTime"/>), enums their names, string lists script arrays; numbers, strings and booleans stay.
    /// </summary>
    public static object? ToScript(object? value) => value switch
    {
        null => null,
        ExternalId id => id.Value,
        SalesforceId id => id.Value,
        CurrencyCode code => code.Value,
        EmailAddress email => email.Value,
        PhoneNumber phone => phone.Value,
        DateTimeOffset instant => instant.UtcDateTime,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified),
        Enum e => e.ToString(),
        IEnumerable<string> list => new ScriptArray(list),
        _ => value,
    };
}
