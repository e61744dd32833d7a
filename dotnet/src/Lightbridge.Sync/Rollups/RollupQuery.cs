using Lightbridge.Salesforce;

namespace Lightbridge.Sync.Rollups;

/// <summary>The aggregate SOQL of one rollup over a set of parents (pure).</summary>
internal static class RollupQuery
{
    /// <summary>The most parent ids one query names, which keeps the query well under the URI and SOQL length limits.</summary>
    public const int MaxParentsPerQuery = 200;

    /// <summary>
    /// <c>SELECT rel, OP(field) FROM child WHERE rel IN (...) AND (filter) GROUP BY rel</c>: one row per parent that has
    /// matching children, the aggregate in <c>expr0</c> (Salesforce names unaliased aggregates exprN).
    /// </summary>
    public static string For(RollupDefinition rollup, IReadOnlyCollection<string> parentIds)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        ArgumentNullException.ThrowIfNull(parentIds);
        var aggregate = rollup.Operation switch
        {
            RollupOperation.Count => $"COUNT({rollup.ChildField ?? "Id"})",
            RollupOperation.Sum => $"SUM({rollup.ChildField})",
            RollupOperation.Max => $"MAX({rollup.ChildField})",
            RollupOperation.Min => $"MIN({rollup.ChildField})",
            _ => throw new ArgumentOutOfRangeException(nameof(rollup), rollup.Operation, "Unknown rollup operation."),
        };
        var where = $"{rollup.RelationshipField} IN {Soql.InList(parentIds)}";
        if (rollup.Filter is { } filter)
        {
            where += $" AND ({filter})";
        }

        return $"SELECT {rollup.RelationshipField}, {aggregate} FROM {rollup.ChildObject} WHERE {where} GROUP BY {rollup.RelationshipField}";
    }

    /// <summary>The metadata query run once at start.</summary>
    public const string Definitions =
        "SELECT DeveloperName, Parent_Object__c, Parent_Field__c, Child_Object__c, Relationship_Field__c, Operation__c, Child_Field__c, Filter__c FROM Lightspeed_Rollup__mdt";
}
