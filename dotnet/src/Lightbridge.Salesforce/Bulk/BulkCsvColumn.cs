namespace Lightbridge.Salesforce.Bulk;

/// <summary>
/// One CSV column: a plain field (<c>Total__c</c>) or a parent by external ID (<c>Store__r.Lightspeed_Shop_Id__c</c>,
/// or <c>Lead:Who.Email</c> for a polymorphic lookup; shared/reference/salesforce-api.md §1.6).
/// </summary>
/// <param name="Field">The record key the values come from (the relationship name for references).</param>
/// <param name="Header">The header cell.</param>
/// <param name="Reference">For relationship columns, the parent's external ID field and type.</param>
internal sealed record BulkCsvColumn(string Field, string Header, ExternalIdReference? Reference)
{
    public static BulkCsvColumn For(string field, object? value)
    {
        var name = Http.SalesforceRoutes.ApiName(field, nameof(field));
        if (value is not ExternalIdReference reference)
        {
            return new BulkCsvColumn(name, name, null);
        }

        var header = name + "." + Http.SalesforceRoutes.ApiName(reference.Field, nameof(value));
        if (reference.SObjectType is { } type)
        {
            header = Http.SalesforceRoutes.ApiName(type, nameof(value)) + ":" + header;
        }

        return new BulkCsvColumn(name, header, reference);
    }

    /// <summary>
    /// Reads a header cell a caller names up front: <c>Total__c</c>, <c>Store__r.Lightspeed_Shop_Id__c</c> or
    /// <c>Lead:Who.Email</c>; the inverse of <see cref="For"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The cell is not one of those shapes of API names.</exception>
    public static BulkCsvColumn Parse(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var dot = header.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            var name = Http.SalesforceRoutes.ApiName(header, nameof(header));
            return new BulkCsvColumn(name, name, null);
        }

        var colon = header.IndexOf(':', StringComparison.Ordinal);
        var type = colon >= 0 && colon < dot ? Http.SalesforceRoutes.ApiName(header[..colon], nameof(header)) : null;
        var relationship = Http.SalesforceRoutes.ApiName(header[(colon + 1)..dot], nameof(header));
        var field = Http.SalesforceRoutes.ApiName(header[(dot + 1)..], nameof(header));
        return new BulkCsvColumn(relationship, header, new ExternalIdReference(field, string.Empty) { SObjectType = type });
    }

    /// <summary>Whether a record's value belongs in this column (a reference only under its own header).</summary>
    public bool Matches(object? value) => value is ExternalIdReference reference
        ? Reference is not null && reference.Field == Reference.Field && reference.SObjectType == Reference.SObjectType
        : Reference is null;
}
