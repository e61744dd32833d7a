using System.Globalization;
using System.Numerics;
using Lightbridge.Core.Identity;

namespace Lightbridge.Sync.Mapping;

/// <summary>
/// Turns what a Scriban template yields into the value its target field holds (<see cref="Core.Mapping.FieldValue"/>).
/// </summary>
/// <remarks>
/// Null handling: a template that yields null, nothing, or a string that is empty or white space after trimming gives
/// null, which clears the field in Salesforce. Strings are trimmed (text templates pick up line breaks). Money and
/// numbers parse as invariant decimals ("12.50", never "12,50"); dates as ISO 8601; instants without an offset are UTC.
/// A value the field cannot hold throws <see cref="MappingEvaluationException"/> without quoting the value.
/// </remarks>
internal static class TemplateResultConverter
{
    public static object? Convert(object? value, KnownField field, string objectName)
    {
        if (value is string text)
        {
            text = text.Trim();
            if (text.Length == 0)
            {
                return null;
            }

            value = text;
        }

        return value switch
        {
            null => null,
            _ => field.Type switch
            {
                TargetFieldType.Text => ToText(value),
                TargetFieldType.Number or TargetFieldType.Currency => ToDecimal(value) ?? throw Fail(value, field, objectName, "a decimal number"),
                TargetFieldType.Checkbox => ToBoolean(value) ?? throw Fail(value, field, objectName, "true or false"),
                TargetFieldType.Date => ToDate(value) ?? throw Fail(value, field, objectName, "a date (yyyy-MM-dd)"),
                TargetFieldType.DateTime => ToInstant(value) ?? throw Fail(value, field, objectName, "a date and time (ISO 8601)"),
                TargetFieldType.Reference => ToSalesforceId(value) ?? throw Fail(value, field, objectName, "a Salesforce id"),
                _ => value,
            },
        };
    }

    private static string ToText(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static decimal? ToDecimal(object value) => value switch
    {
        decimal d => d,
        int i => i,
        long l => l,
        BigInteger b when b >= new BigInteger(decimal.MinValue) && b <= new BigInteger(decimal.MaxValue) => (decimal)b,
        double d when double.IsFinite(d) && Math.Abs(d) < 7.9e28 => (decimal)d,
        float f when float.IsFinite(f) => (decimal)f,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static bool? ToBoolean(object value) => value switch
    {
        bool b => b,
        string s when bool.TryParse(s, out var b) => b,
        _ => null,
    };

    private static DateOnly? ToDate(object value) => value switch
    {
        DateOnly d => d,
        DateTime d => DateOnly.FromDateTime(d),
        DateTimeOffset d => DateOnly.FromDateTime(d.UtcDateTime),
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => null,
    };

    private static DateTimeOffset? ToInstant(object value) => value switch
    {
        DateTimeOffset d => d.ToUniversalTime(),
        DateTime { Kind: DateTimeKind.Local } d => new DateTimeOffset(d.ToUniversalTime(), TimeSpan.Zero),
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc), TimeSpan.Zero),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) => d.ToUniversalTime(),
        _ => null,
    };

    private static SalesforceId? ToSalesforceId(object value) => value switch
    {
        SalesforceId id => id,
        string s when SalesforceId.TryParse(s, out var id) => id,
        _ => null,
    };

    // The value may be personal data: the message names its type only.
    private static MappingEvaluationException Fail(object value, KnownField field, string objectName, string expected) =>
        new(objectName, field.Name, $"the template yielded a {value.GetType().Name} that is not {expected}.");
}
