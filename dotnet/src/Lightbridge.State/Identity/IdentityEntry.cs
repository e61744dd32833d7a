namespace Lightbridge.State;

/// <summary>
/// What customer matching needs to know about one Salesforce Contact or Lead.
/// </summary>
/// <param name="SalesforceId">The 18-character record id.</param>
/// <param name="ObjectType">Contact or Lead.</param>
/// <param name="Email">The normalized email (trimmed, lower case), or null. The index lower-cases it again to be safe.</param>
/// <param name="Phone">The phone in E.164 (<c>+15551234567</c>), or null.</param>
/// <param name="ExternalId">The <c>Lightspeed_Customer_Id__c</c> value (<c>{accountId}-{customerId}</c>), or null.</param>
/// <param name="IsConverted">For a Lead, whether it was converted.</param>
/// <param name="ConvertedContactId">For a converted Lead, the 18-character id of its Contact.</param>
/// <param name="SystemModstamp">The record's <c>SystemModstamp</c> (UTC), the key of incremental refreshes.</param>
/// <param name="MobilePhone">
/// The record's <c>MobilePhone</c> in E.164, or null: a shopper's number may sit in either phone field, and phone
/// lookups search both.
/// </param>
public sealed record IdentityEntry(
    string SalesforceId,
    IdentityObject ObjectType,
    string? Email,
    string? Phone,
    string? ExternalId,
    bool IsConverted,
    string? ConvertedContactId,
    DateTimeOffset SystemModstamp,
    string? MobilePhone = null);
