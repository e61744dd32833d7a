using Lightbridge.Salesforce;

namespace Lightbridge.Sync.Rollups;

/// <summary>The aggregate SOQL of one rollup over a set of parents (pure).</summary>
internal static class RollupQuery
{
    /// <summary>The most parent ids one query names, which keeps the query well under the URI and SOQL length limits.</summary>
    public const int MaxParentsPerQuery = 200;

    /// <summary>
    /// The most parent ids one aggregate query names. These go five to a Composite call, where the statement travels in
    /// the body, not the URI: 1,000 ids make about 21,000 characters of SOQL (the limit is 100,000) and at most 1,000
    /// result rows, half of one page of 2,000 (shared/reference/salesforce-api.md §2.6, §2.8).
    /// </summary>
    public const int MaxParentsPerAggregateQuery = 1_000;

    /// <summary>
    /// <c>SELECT rel, OP(field) FROM child WHERE rel IN (...) AND (filter) GROUP BY rel</c>: one row per parent that has
    /// matching children, the aggregate in <c>expr0</c> (Salesforce names unaliased aggregates exprN).
    /// </summary>
    public static string For(RollupDefinition rollup, IReadOnlyCollection<string> parentIds)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        return For([rollup], parentIds);
    }

    /// <summary>
    /// One query for several rollups over the same children, relationship and filter: their aggregates side by side,
    /// in <c>expr0</c>, <c>expr1</c>… in the order given (a customer's purchase count and last purchase cost one query).
    /// </summary>
    /// <exception cref="ArgumentException">No rollup, no parent, or rollups that differ in children, relationship or filter.</exception>
    public static string For(IReadOnlyList<RollupDefinition> rollups, IReadOnlyCollection<string> parentIds)
    {
        ArgumentNullException.ThrowIfNull(rollups);
        ArgumentNullException.ThrowIfNull(parentIds);
        if (rollups.Count == 0)
        {
            throw new ArgumentException("A rollup query needs a rollup.", nameof(rollups));
        }

        var first = rollups[0];
        if (rollups.Any(r => r.ChildObject != first.ChildObject || r.RelationshipField != first.RelationshipField || r.Filter != first.Filter))
        {
            throw new ArgumentException("Rollups share a query only over the same children, relationship and filter.", nameof(rollups));
        }

        var aggregates = rollups.Select(rollup => rollup.Operation switch
        {
            RollupOperation.Count => $"COUNT({rollup.ChildField ?? "Id"})",
            RollupOperation.Sum => $"SUM({rollup.ChildField})",
            RollupOperation.Max => $"MAX({rollup.ChildField})",
            RollupOperation.Min => $"MIN({rollup.ChildField})",
            _ => throw new ArgumentOutOfRangeException(nameof(rollups), rollup.Operation, "Unknown rollup operation."),
        });
        var where = $"{first.RelationshipField} IN {Soql.InList(parentIds)}";
        if (first.Filter is { } filter)
        {
            where += $" AND ({filter})";
        }

        return $"SELECT {first.RelationshipField}, {string.Join(", ", aggregates)} FROM {first.ChildObject} WHERE {where} GROUP BY {first.RelationshipField}";
    }

    /// <summary>The metadata query run once at start.</summary>
    public const string Definitions =
        "SELECT DeveloperName, Parent_Object__c, Parent_Field__c, Child_Object__c, Relationship_Field__c, Operation__c, Child_Field__c, Filter__c FROM Lightspeed_Rollup__mdt";
}
