using System.Globalization;
using Lightbridge.Core.Failures;
using Lightbridge.Core.Model;

namespace Lightbridge.Core.Validation;

/// <summary>
/// Parses the decimal strings Lightspeed sends for every amount and quantity ("everything is a string",
/// shared/reference/lightspeed-api.md §9.3), turning a bad value into a <see cref="RecordFailure"/> instead of an exception.
/// </summary>
public static class WireDecimal
{
    /// <summary>
    /// Parses <paramref name="raw"/> with the invariant culture. A blank value is zero, as Lightspeed sends <c>""</c>
    /// for an unset amount (§9.3); anything else that is not a number fails with <see cref="ValidationRules.MoneyParses"/>.
    /// </summary>
    /// <returns>The value, or null with <paramref name="failure"/> set.</returns>
    public static decimal? Parse(string? raw, SyncEntity entity, LightspeedId id, string field, out RecordFailure? failure)
    {
        failure = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return 0m;
        }

        const NumberStyles styles = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
            | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (decimal.TryParse(raw, styles, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        failure = new RecordFailure(entity, id, field, ValidationRules.MoneyParses,
            $"{entity} {id}: {field} is not a decimal number ({raw.Length} characters received).");
        return null;
    }
}
