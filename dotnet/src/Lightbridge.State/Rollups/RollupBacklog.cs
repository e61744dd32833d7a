using LiteDB;

namespace Lightbridge.State;

/// <summary>
/// Parents whose rollups are owed: a backfill writes sales batch after batch and recomputes their stores' and
/// customers' rollups once, at the end of the run, instead of after every batch. What each batch touched is written
/// here before its checkpoint moves, so a run that dies before the end leaves the debt on file and the next sale run
/// pays it; an entry leaves only once its parent's update went through.
/// </summary>
public sealed class RollupBacklog
{
    private readonly StateDatabase _db;

    internal RollupBacklog(StateDatabase db)
    {
        _db = db;
    }

    private ILiteCollection<BsonDocument> Collection => _db.Collection(CollectionNames.RollupBacklog);

    /// <summary>How many (child object, relationship, parent) entries are owed.</summary>
    public int Count => Collection.Count();

    /// <summary>Records the entries (an entry already owed stays once), in one transaction.</summary>
    public void AddMany(IEnumerable<RollupDebt> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _db.InTransaction(() =>
        {
            foreach (var batch in entries.Chunk(IdentityIndex.BatchSize))
            {
                Collection.Upsert(batch.Select(ToDocument));
            }
        });
    }

    /// <summary>Up to <paramref name="max"/> owed entries in key order, after the first <paramref name="skip"/>.</summary>
    public IReadOnlyList<RollupDebt> Take(int max, int skip = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        return Collection.Query().OrderBy("_id").Skip(skip).Limit(max).ToEnumerable().Select(FromDocument).ToList();
    }

    /// <summary>Forgets the entries (paid), in one transaction.</summary>
    public void RemoveMany(IEnumerable<RollupDebt> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _db.InTransaction(() =>
        {
            foreach (var entry in entries)
            {
                Collection.Delete(Key(entry));
            }
        });
    }

    private static string Key(RollupDebt entry) => entry.ChildObject + "|" + entry.RelationshipField + "|" + entry.ParentId;

    private static BsonDocument ToDocument(RollupDebt entry) => new()
    {
        ["_id"] = Key(entry),
        ["child"] = entry.ChildObject,
        ["field"] = entry.RelationshipField,
        ["parent"] = entry.ParentId,
    };

    private static RollupDebt FromDocument(BsonDocument doc) => new(doc["child"].AsString, doc["field"].AsString, doc["parent"].AsString);
}

/// <summary>One owed rollup recomputation: the parent a child object points at through a relationship field.</summary>
/// <param name="ChildObject">E.g. <c>Lightspeed_Sale__c</c>.</param>
/// <param name="RelationshipField">E.g. <c>Contact__c</c>.</param>
/// <param name="ParentId">The parent's Salesforce id.</param>
public sealed record RollupDebt(string ChildObject, string RelationshipField, string ParentId);
