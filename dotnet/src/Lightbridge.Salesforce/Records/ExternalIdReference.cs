namespace Lightbridge.Salesforce;

/// <summary>
/// A parent given by its external ID instead of its Salesforce Id, written as the relationship's value:
/// <c>"Store__r": {"Lightspeed_Shop_Id__c": "42-7"}</c> (shared/reference/salesforce-api.md §2.3). Put it in
/// a record's fields under the relationship name (<c>Store__r</c> for the lookup <c>Store__c</c>), so loads
/// need no lookups first. An unknown key fails that record with <c>INVALID_FIELD</c> "Foreign key external ID…".
/// </summary>
/// <param name="Field">The parent's external ID field, e.g. <c>Lightspeed_Shop_Id__c</c>.</param>
/// <param name="Value">The parent's external ID value.</param>
public sealed record ExternalIdReference(string Field, string Value)
{
    /// <summary>
    /// The parent's sObject type, needed only for polymorphic lookups (e.g. <c>Task.WhoId</c>): it is written as
    /// <c>attributes.type</c> of the reference. Null for ordinary lookups.
    /// </summary>
    public string? SObjectType { get; init; }
}
