using LiteDB;

namespace Lightbridge.State;

/// <summary>
/// Salesforce ids of the records the sync itself wrote (stores, products, sales, ...), keyed by sObject and
/// external id: lets a later step link or report a record without a query. Loads never need it (they upsert
/// by external id), so a missing entry only costs a lookup.
/// </summary>
public sealed class SyncedRecordMap
{
    private readonly StateDatabase _db;

    internal SyncedRecordMap(StateDatabase db)
    {
        _db = db;
    }

    private ILiteCollection<BsonDocument> Collection => _db.Collection(CollectionNames.SyncedRecords);

    /// <summary>Stores the Salesforce id of each (external id, Salesforce id) pair of <paramref name="sObject"/>, in one transaction.</summary>
    public int SetMany(string sObject, IEnumerable<KeyValuePair<string, string>> externalToSalesforceIds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sObject);
        ArgumentNullException.ThrowIfNull(externalToSalesforceIds);
        return _db.InTransaction(() =>
        {
            var written = 0;
            foreach (var batch in externalToSalesforceIds.Chunk(IdentityIndex.BatchSize))
            {
                Collection.Upsert(batch.Select(pair => new BsonDocument
                {
                    ["_id"] = Key(sObject, pair.Key),
                    ["sfid"] = pair.Value,
                }));
                written += batch.Length;
            }

            return written;
        });
    }

    /// <summary>Stores one pair.</summary>
    public void Set(string sObject, string externalId, string salesforceId) =>
        SetMany(sObject, [KeyValuePair.Create(externalId, salesforceId)]);

    /// <summary>Returns the Salesforce id written for the external id, or null.</summary>
    public string? Get(string sObject, string externalId)
    {
        var doc = Collection.FindById(Key(sObject, externalId));
        return doc?["sfid"].AsString;
    }

    /// <summary>Forgets one pair. Returns false when it was not there.</summary>
    public bool Remove(string sObject, string externalId) => Collection.Delete(Key(sObject, externalId));

    private static string Key(string sObject, string externalId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sObject);
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        return sObject + "|" + externalId;
    }
}
