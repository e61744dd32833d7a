using Lightbridge.Core.Identity;

namespace Lightbridge.Core.Mapping;

/// <summary>
/// A lookup or master-detail set through the parent's external id, so a load never needs a query first
/// (<c>"Store__r": {"Lightspeed_Shop_Id__c": "120645-1"}</c>; shared/reference/salesforce-api.md §2.3).
/// </summary>
/// <param name="Field">The lookup field, e.g. <c>Store__c</c>.</param>
/// <param name="ParentObject">The parent's object, e.g. <c>Lightspeed_Store__c</c>.</param>
/// <param name="ParentExternalIdField">The parent's external-id field, e.g. <c>Lightspeed_Shop_Id__c</c>.</param>
/// <param name="ParentExternalId">The parent's external id.</param>
public sealed record RelationshipReference(string Field, string ParentObject, string ParentExternalIdField, ExternalId ParentExternalId)
{
    /// <summary>
    /// The relationship name: a custom lookup <c>X__c</c> is reached as <c>X__r</c>; a standard id field
    /// <c>AccountId</c> as <c>Account</c>.
    /// </summary>
    public string RelationshipName =>
        Field.EndsWith("__c", StringComparison.Ordinal) ? string.Concat(Field.AsSpan(0, Field.Length - 1), "r")
        : Field.EndsWith("Id", StringComparison.Ordinal) ? Field[..^2]
        : Field;

    /// <summary>The Bulk API 2.0 column header, e.g. <c>Store__r.Lightspeed_Shop_Id__c</c>.</summary>
    public string ColumnName => $"{RelationshipName}.{ParentExternalIdField}";
}
