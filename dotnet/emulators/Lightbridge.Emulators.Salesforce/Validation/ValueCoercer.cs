using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lightbridge.Emulators.Salesforce.Ids;
using Lightbridge.Emulators.Salesforce.Schema;

namespace Lightbridge.Emulators.Salesforce.Validation;

/// <summary>
/// Turns a JSON value into the typed value the store keeps, or the error an org gives for it (reference section 1.8):
/// INVALID_TYPE_ON_FIELD_IN_RECORD, STRING_TOO_LONG, INVALID_EMAIL_ADDRESS, INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST,
/// NUMBER_OUTSIDE_VALID_RANGE, MALFORMED_ID. Numbers are rounded half away from zero to the field's scale, as stored.
/// </summary>
internal static partial class ValueCoercer
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd",
    ];

    public static (object? Value, ApiError? Error) Coerce(FieldDefinition field, JsonNode? node)
    {
        if (node is null || (node is JsonValue nullish && nullish.GetValueKind() == JsonValueKind.Null))
        {
            // A checkbox cannot be blank: null clears it to false.
            return (field.Type == FieldType.Checkbox ? false : null, null);
        }

        if (node is not JsonValue value)
        {
            return (null, TypeError(field, node.ToJsonString()));
        }

        var kind = value.GetValueKind();
        var raw = kind == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        return Coerce(field, raw, kind);
    }

    /// <summary>Coerces a value given as text (query literals, control-surface loads); <paramref name="kind"/> says how it was written.</summary>
    public static (object? Value, ApiError? Error) Coerce(FieldDefinition field, string raw, JsonValueKind kind)
    {
        switch (field.Type)
        {
            case FieldType.Checkbox:
                return raw.ToLowerInvariant() switch
                {
                    "true" => (true, null),
                    "false" => (false, null),
                    _ => (null, TypeError(field, raw)),
                };
            case FieldType.Number or FieldType.Currency or FieldType.Percent or FieldType.Summary:
                if (kind is JsonValueKind.True or JsonValueKind.False
                    || !decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return (null, TypeError(field, raw));
                }

                return Fit(field, number, raw);
            case FieldType.Date:
                return DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (date, null)
                    : (null, TypeError(field, raw));
            case FieldType.DateTime:
                return TryParseDateTime(raw, out var moment) ? (moment, null) : (null, TypeError(field, raw));
            case FieldType.Id or FieldType.Lookup or FieldType.MasterDetail:
                if (raw.Length == 0)
                {
                    return (null, null);
                }

                return SalesforceId.TryNormalize(raw, out var id)
                    ? (id, null)
                    : (null, new ApiError("MALFORMED_ID", $"{field.DisplayLabel}: id value of incorrect type: {raw}", [field.Name]));
            default:
                return Text(field, raw);
        }
    }

    /// <summary>Parses the DateTime input forms of reference section 2.2: ISO 8601 with Z, ±HH:mm or ±HHmm, or a bare date.</summary>
    public static bool TryParseDateTime(string raw, out DateTimeOffset value)
    {
        var text = raw;
        // .NET's zzz wants a colon in the offset; Salesforce also writes +0000 without one.
        if (text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && text[^4..].All(char.IsAsciiDigit) && text.Contains('T', StringComparison.Ordinal))
        {
            text = text[..^2] + ":" + text[^2..];
        }

        if (DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            // Salesforce keeps milliseconds.
            value = new DateTimeOffset(parsed.UtcTicks - (parsed.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
            return true;
        }

        value = default;
        return false;
    }

    private static (object? Value, ApiError? Error) Fit(FieldDefinition field, decimal number, string raw)
    {
        var rounded = Math.Round(number, Math.Min(field.Scale, 28), MidpointRounding.AwayFromZero);
        var integerDigits = field.Precision - field.Scale;
        if (field.Precision > 0 && Math.Abs(decimal.Truncate(rounded)) >= Pow10(integerDigits))
        {
            return (null, new ApiError("NUMBER_OUTSIDE_VALID_RANGE", $"{field.DisplayLabel}: value outside of valid range on numeric field: {raw}", [field.Name]));
        }

        return (rounded, null);
    }

    private static decimal Pow10(int digits)
    {
        var result = 1m;
        for (var i = 0; i < Math.Min(digits, 28); i++)
        {
            result *= 10;
        }

        return result;
    }

    private static (object? Value, ApiError? Error) Text(FieldDefinition field, string raw)
    {
        if (field.Type == FieldType.Email && raw.Length > 0 && !EmailPattern().IsMatch(raw))
        {
            return (null, new ApiError("INVALID_EMAIL_ADDRESS", $"{field.DisplayLabel}: invalid email address: {raw}", [field.Name]));
        }

        if (field.Type == FieldType.Picklist && field.RestrictedPicklist && raw.Length > 0 && !field.PicklistValues.Contains(raw, StringComparer.Ordinal))
        {
            return (null, new ApiError("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", $"{field.DisplayLabel}: bad value for restricted picklist field: {raw}", [field.Name]));
        }

        if (field.Length > 0 && raw.Length > field.Length)
        {
            return (null, new ApiError("STRING_TOO_LONG", $"{field.DisplayLabel}: data value too large: {raw} (max length={field.Length})", [field.Name]));
        }

        // An empty string is stored as blank (null), as an org does.
        return (raw.Length == 0 ? null : raw, null);
    }

    private static ApiError TypeError(FieldDefinition field, string raw) =>
        new("INVALID_TYPE_ON_FIELD_IN_RECORD", $"{field.DisplayLabel}: value not of required type: {raw}", [field.Name]);

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")]
    private static partial Regex EmailPattern();
}
