namespace Lightbridge.Sync.Rollups;

/// <summary>What one recalculation did.</summary>
/// <param name="ParentsUpdated">Parents whose rollup fields were written.</param>
/// <param name="ParentsFailed">Parents whose update Salesforce refused (logged; recomputed the next time they are touched).</param>
/// <param name="Queries">Aggregate and lookup queries run.</param>
internal sealed record RollupReport(int ParentsUpdated, int ParentsFailed, int Queries)
{
    /// <summary>Nothing to recalculate.</summary>
    public static RollupReport None { get; } = new(0, 0, 0);
}
