using Lightbridge.Core.Identity;

namespace Lightbridge.Core.Mapping;

/// <summary>
/// A record to upsert into Salesforce by external id: the object, the external-id field and value, the field values in
/// order, and the parents referenced by their external ids. It is what mapping produces and what the loaders send.
/// </summary>
/// <param name="ObjectName">The object's API name, e.g. <c>Lightspeed_Sale__c</c>.</param>
/// <param name="ExternalIdField">The external-id field upserts key on, e.g. <c>Lightspeed_Sale_Id__c</c>.</param>
/// <param name="ExternalId">The record's external id.</param>
/// <param name="Fields">
/// The field values, in mapping order. The external-id field is among them only when a matched record is updated by its
/// Salesforce id and the external id is stamped on it (<see cref="Matching.CustomerWritePlanner"/>).
/// </param>
/// <param name="References">Parents set through their external ids.</param>
public sealed record SalesforceRecord(
    string ObjectName,
    string ExternalIdField,
    ExternalId ExternalId,
    IReadOnlyList<FieldValue> Fields,
    IReadOnlyList<RelationshipReference> References)
{
    /// <summary>Whether the record carries a value (possibly null) for <paramref name="field"/>.</summary>
    public bool HasField(string field) => Fields.Any(f => f.Name == field);

    /// <summary>The value of <paramref name="field"/>, or null when absent or null.</summary>
    public object? this[string field] => Fields.FirstOrDefault(f => f.Name == field)?.Value;

    /// <summary>The reference set through <paramref name="field"/>, or null.</summary>
    public RelationshipReference? ReferenceFor(string field) => References.FirstOrDefault(r => r.Field == field);

    /// <summary>Returns a copy with <paramref name="field"/> set (replaced in place, or appended).</summary>
    public SalesforceRecord WithField(string field, object? value)
    {
        var fields = Fields.ToList();
        var index = fields.FindIndex(f => f.Name == field);
        if (index >= 0)
        {
            fields[index] = new FieldValue(field, value);
        }
        else
        {
            fields.Add(new FieldValue(field, value));
        }

        return this with { Fields = fields };
    }

    /// <summary>Returns a copy without <paramref name="field"/> and without a reference through it.</summary>
    public SalesforceRecord WithoutField(string field) =>
        this with { Fields = Fields.Where(f => f.Name != field).ToList(), References = References.Where(r => r.Field != field).ToList() };

    /// <summary>Returns a copy whose <paramref name="reference"/> replaces any reference through the same field.</summary>
    public SalesforceRecord WithReference(RelationshipReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var references = References.Where(r => r.Field != reference.Field).Append(reference).ToList();
        return this with { Fields = Fields.Where(f => f.Name != reference.Field).ToList(), References = references };
    }

    /// <summary>Names the record without its values, which may hold personal data.</summary>
    public override string ToString() => $"{ObjectName} {{ {ExternalIdField} = {ExternalId}, Fields = {Fields.Count}, References = {References.Count} }}";
}
