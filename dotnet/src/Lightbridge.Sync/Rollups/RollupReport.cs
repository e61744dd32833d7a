using Lightbridge.Core.Mapping;

namespace Lightbridge.Sync.Rollups;

/// <summary>What one recalculation did.</summary>
/// <param name="ParentsUpdated">Parents whose rollup fields were written.</param>
/// <param name="ParentsFailed">Parents whose update Salesforce refused (logged).</param>
/// <param name="Queries">Aggregate and lookup queries run.</param>
/// <param name="Unsettled">The written children whose parent's update was refused: their rollups are not current yet.</param>
internal sealed record RollupReport(int ParentsUpdated, int ParentsFailed, int Queries, IReadOnlyList<SalesforceRecord> Unsettled)
{
    /// <summary>Nothing to recalculate.</summary>
    public static RollupReport None { get; } = new(0, 0, 0, []);

    /// <summary>The Salesforce ids of the parents whose update was refused (case-insensitive).</summary>
    public IReadOnlySet<string> RefusedParents { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}
