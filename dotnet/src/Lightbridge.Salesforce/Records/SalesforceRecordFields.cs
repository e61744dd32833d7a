using Lightbridge.Core.Mapping;

namespace Lightbridge.Salesforce;

/// <summary>
/// Turns Core's mapped <see cref="SalesforceRecord"/> into the field map the REST and Bulk writers take (a compact
/// <see cref="RecordFieldMap"/>, in the order a dictionary would keep):
/// the external id, every mapped field (a <see cref="Core.Identity.SalesforceId"/> as its text), and each parent reference as a relationship keyed by the parent's
/// external id (<c>"Store__r": {"Lightspeed_Shop_Id__c": "…"}</c>), so loads never need an id lookup.
/// </summary>
public static class SalesforceRecordFields
{
    /// <summary>The record as REST/Bulk field values.</summary>
    public static IReadOnlyDictionary<string, object?> ToFields(this SalesforceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = new RecordFieldMap(record.Fields.Count + record.References.Count + 1);
        fields.Set(record.ExternalIdField, record.ExternalId.Value);
        for (var i = 0; i < record.Fields.Count; i++)
        {
            // Mappings keep ids typed (a sale's Contact__c); the wire carries their 18-character text.
            var field = record.Fields[i];
            fields.Set(field.Name, field.Value is Core.Identity.SalesforceId id ? id.Value : field.Value);
        }

        for (var i = 0; i < record.References.Count; i++)
        {
            // A reference replaces a plain value of the same lookup: Salesforce refuses a record that sets both.
            var reference = record.References[i];
            fields.Remove(reference.Field);
            fields.Set(reference.RelationshipName, new ExternalIdReference(reference.ParentExternalIdField, reference.ParentExternalId.Value));
        }

        return fields;
    }
}
