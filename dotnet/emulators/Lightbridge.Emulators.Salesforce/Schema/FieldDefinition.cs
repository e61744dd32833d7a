namespace Lightbridge.Emulators.Salesforce.Schema;

/// <summary>One field of an object, as loaded from a field-meta.xml file or defined for a standard object.</summary>
internal sealed class FieldDefinition
{
    public required string Name { get; init; }

    public required FieldType Type { get; init; }

    public string Label { get; init; } = "";

    /// <summary>Maximum length of text fields; 0 when the type has none.</summary>
    public int Length { get; init; }

    public int Precision { get; init; }

    public int Scale { get; init; }

    public bool Required { get; init; }

    public bool Unique { get; init; }

    public bool ExternalId { get; init; }

    public bool CaseSensitive { get; init; }

    /// <summary>System fields, auto-numbers and roll-ups are read-only to API writers.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>
    /// Createable but not updateable (a line item's <c>OpportunityId</c>, a price book entry's <c>Product2Id</c>): an update
    /// may repeat the stored value, as an idempotent upsert does, but not change it.
    /// </summary>
    public bool CreateOnly { get; init; }

    public string? ReferenceTo { get; init; }

    public string? RelationshipName { get; init; }

    /// <summary>The relationship name seen from the parent (the XML relationshipName), for child subqueries.</summary>
    public string? ChildRelationshipName { get; init; }

    public IReadOnlyList<string> PicklistValues { get; init; } = [];

    public bool RestrictedPicklist { get; init; }

    /// <summary>The default applied on create when the writer leaves the field out (picklist default, checkbox default).</summary>
    public object? DefaultValue { get; init; }

    public SummaryDefinition? Summary { get; init; }

    /// <summary>Display format of an auto-number name field, e.g. <c>LSS-{000000}</c>.</summary>
    public string? DisplayFormat { get; init; }

    public string DisplayLabel => Label.Length > 0 ? Label : Name;

    /// <summary>Text comparisons for uniqueness honour caseSensitive (false by default, as in an org).</summary>
    public StringComparer UniqueComparer => CaseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
}
