using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;

namespace Lightbridge.Sync.Pipelines.Sales;

/// <summary>
/// Turns lookups the mapping set by Salesforce id (a sale's <c>Contact__c</c> or <c>Lead__c</c>) into the id text the
/// wire carries: mappings keep ids typed, and the Salesforce client writes only plain values.
/// </summary>
internal static class SalesforceIdValues
{
    /// <summary>A copy of <paramref name="record"/> with every <see cref="SalesforceId"/> value written as its 18-character text.</summary>
    public static SalesforceRecord AsText(SalesforceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Fields.Any(f => f.Value is SalesforceId)
            ? record with { Fields = record.Fields.Select(f => f.Value is SalesforceId id ? new FieldValue(f.Name, id.Value) : f).ToList() }
            : record;
    }
}
