using System.Globalization;
using System.Text.Json;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Normalization;
using Lightbridge.State;

namespace Lightbridge.Sync.Pipelines.Customers;

/// <summary>
/// Turns a Contact's or Lead's raw field values into an <see cref="IdentityEntry"/>, normalizing the email and phones
/// exactly as <see cref="CustomerNormalizer"/> normalizes a customer's, so a rep's <c>(416) 555-0199</c> and a
/// shopper's <c>416.555.0199</c> meet at the same E.164 key. A value that does not normalize is left out of the entry:
/// it cannot match anything.
/// </summary>
internal sealed class IdentityEntryFactory
{
    private readonly IPhoneNumberNormalizer _phones;
    private readonly string _region;

    public IdentityEntryFactory(IPhoneNumberNormalizer phones, string region)
    {
        _phones = phones;
        _region = region;
    }

    /// <summary>The entry of one record from its field values (strings, or null when blank).</summary>
    public IdentityEntry Create(
        SalesforceId id,
        IdentityObject objectType,
        string? email,
        string? phone,
        string? mobilePhone,
        string? externalId,
        bool isConverted,
        string? convertedContactId,
        DateTimeOffset systemModstamp) =>
        new(
            id.Value,
            objectType,
            EmailNormalizer.Normalize(email) is { IsValid: true } normalized ? normalized.Email!.Value : null,
            Phone(phone),
            string.IsNullOrWhiteSpace(externalId) ? null : externalId.Trim(),
            isConverted,
            SalesforceId.TryParse(convertedContactId, out var converted) ? converted.Value : null,
            systemModstamp,
            Phone(mobilePhone));

    /// <summary>The entry of one record as a SOQL query returned it (the identity fields of Contact or Lead).</summary>
    /// <exception cref="FormatException">The record has no valid <c>Id</c>.</exception>
    public IdentityEntry FromQuery(JsonElement record, IdentityObject objectType)
    {
        var id = SalesforceId.Parse(Text(record, "Id") ?? string.Empty);
        return Create(
            id,
            objectType,
            Text(record, "Email"),
            Text(record, "Phone"),
            Text(record, "MobilePhone"),
            Text(record, "Lightspeed_Customer_Id__c"),
            record.TryGetProperty("IsConverted", out var converted) && converted.ValueKind == JsonValueKind.True,
            Text(record, "ConvertedContactId"),
            Instant(Text(record, "SystemModstamp")));
    }

    /// <summary>A field of a query record as text; null when absent, null or blank.</summary>
    public static string? Text(JsonElement record, string field) =>
        record.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    /// <summary>
    /// Parses a Salesforce date-time (<c>2024-05-01T10:00:00.000+0000</c>, offset without a colon, or ISO 8601);
    /// <see cref="DateTimeOffset.MinValue"/> when absent, which never moves a high-water mark.
    /// </summary>
    public static DateTimeOffset Instant(string? text)
    {
        if (text is null)
        {
            return DateTimeOffset.MinValue;
        }

        // Salesforce writes the offset without a colon (+0000), which .NET parses only with one.
        var iso = text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && text[^3] != ':'
            ? string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2))
            : text;
        return DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : throw new FormatException($"'{text}' is not a Salesforce date-time.");
    }

    private string? Phone(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? null : _phones.Normalize(raw.Trim(), _region) is { IsValid: true } result ? result.Number!.Value : null;
}
