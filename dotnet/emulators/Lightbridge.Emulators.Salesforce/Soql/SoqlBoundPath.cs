using Lightbridge.Emulators.Salesforce.Schema;

namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>A field path checked against the schema: the relationship hops to follow, then the field to read.</summary>
internal sealed record SoqlBoundPath(IReadOnlyList<FieldDefinition> Hops, FieldDefinition Field)
{
    /// <summary>The JSON keys of the result: relationship names, then the field name.</summary>
    public IReadOnlyList<string> JsonKeys => [.. Hops.Select(h => h.RelationshipName!), Field.Name];

    /// <summary>The object type at each hop (for nested <c>attributes.type</c>).</summary>
    public IReadOnlyList<string> HopTypes => Hops.Select(h => h.ReferenceTo!).ToArray();
}
