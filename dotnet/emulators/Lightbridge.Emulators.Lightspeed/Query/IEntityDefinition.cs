namespace Lightbridge.Emulators.Lightspeed.Query;

/// <summary>What the request parser needs to know about an endpoint, independent of its record type.</summary>
internal interface IEntityDefinition
{
    /// <summary>Entity name as in the URL and the JSON key, e.g. <c>Customer</c>.</summary>
    string Name { get; }

    /// <summary>The primary key field, e.g. <c>customerID</c>, the default sort.</summary>
    string IdField { get; }

    IReadOnlyList<string> SortableFields { get; }

    IReadOnlyList<RelationDefinition> Relations { get; }

    bool HasArchived { get; }

    FieldKind? KindOf(string field);
}
