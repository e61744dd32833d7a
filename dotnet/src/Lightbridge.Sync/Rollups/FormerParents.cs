namespace Lightbridge.Sync.Rollups;

/// <summary>
/// Parents that children pointed at before a load changed or removed them: a sale moved to another store or customer,
/// a line deleted. Their rollups are recomputed with the new parents', so the old store's or customer's totals drop.
/// </summary>
internal sealed class FormerParents
{
    private readonly HashSet<(string ChildObject, string RelationshipField, string ParentId)> _entries = [];

    /// <summary>How many (child object, relationship, parent) entries are held.</summary>
    public int Count => _entries.Count;

    /// <summary>Records that <paramref name="parentId"/> was the parent through <paramref name="relationshipField"/>.</summary>
    public void Add(string childObject, string relationshipField, string parentId) =>
        _entries.Add((childObject, relationshipField, parentId));

    /// <summary>Adds every entry of <paramref name="other"/>.</summary>
    public void AddRange(FormerParents other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _entries.UnionWith(other._entries);
    }

    /// <summary>The former parents of one rollup's relationship.</summary>
    public IEnumerable<string> Of(RollupDefinition rollup) =>
        _entries.Where(e => e.ChildObject == rollup.ChildObject && e.RelationshipField == rollup.RelationshipField).Select(e => e.ParentId);

    /// <summary>Whether any entry belongs to <paramref name="rollup"/>.</summary>
    public bool Touches(RollupDefinition rollup) => Of(rollup).Any();
}
