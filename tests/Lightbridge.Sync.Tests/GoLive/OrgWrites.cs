namespace Lightbridge.Sync.Tests.GoLive;

/// <summary>The emulated org's counters of calls that write, and of records saved (<c>dml.*</c>): a dry run must leave their sum where it was.</summary>
internal static class OrgWrites
{
    private static readonly HashSet<string> WriteKinds = new(StringComparer.Ordinal)
    {
        "sobject.create", "sobject.update", "sobject.upsert", "sobject.delete",
        "collections.create", "collections.update", "collections.upsert", "collections.delete",
        "composite", "bulk.create", "bulk.upload", "bulk.state",
    };

    // Composite calls that only read (batched queries) are counted under "composite" and again under "composite.reads".
    public static long Count(IReadOnlyDictionary<string, long> counters) =>
        counters.Where(c => WriteKinds.Contains(c.Key) || c.Key.StartsWith("dml.", StringComparison.Ordinal)).Sum(c => c.Value)
        - counters.GetValueOrDefault("composite.reads");
}
