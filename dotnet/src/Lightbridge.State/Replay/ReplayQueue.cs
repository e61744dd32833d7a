using System.Diagnostics.CodeAnalysis;
using Lightbridge.Core.Model;
using LiteDB;

namespace Lightbridge.State;

/// <summary>
/// The local replay queue: one item per failing Lightspeed record, keyed by (account, entity, Lightspeed id).
/// </summary>
/// <remarks>
/// The key includes the account because several Lightspeed accounts sync into one org and their ids overlap
/// (DESIGN: external IDs are scoped by account). A record that fails again updates its item and bumps
/// <see cref="ReplayItem.Attempts"/>, mirroring the upsert of <c>Lightspeed_Sync_Error__c</c> on its error key.
/// </remarks>
[SuppressMessage("Naming", "CA1711", Justification = "\"Replay queue\" is the domain name (DESIGN data flow step 6).")]
public sealed class ReplayQueue
{
    private readonly StateDatabase _db;
    private readonly TimeProvider _time;

    internal ReplayQueue(StateDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
        Collection.EnsureIndex("entity");
        Collection.EnsureIndex("status");
        Collection.EnsureIndex("lsid");
        Collection.EnsureIndex("mirrored");
    }

    private ILiteCollection<BsonDocument> Collection => _db.Collection(CollectionNames.ReplayQueue);

    /// <summary>
    /// Adds the failure, or updates the record's existing item: latest error, message, field, snapshot and run,
    /// attempts + 1, last seen now, and status back to <see cref="ReplayStatus.Open"/> unless it was ignored.
    /// </summary>
    public ReplayItem Record(ReplayFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentException.ThrowIfNullOrWhiteSpace(failure.ErrorCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(failure.RunId);
        var now = _time.GetUtcNow();
        return _db.InTransaction(() =>
        {
            var existing = Get(failure.AccountId, failure.Entity, failure.LightspeedId);
            var item = new ReplayItem(
                failure.AccountId,
                failure.Entity,
                failure.LightspeedId,
                failure.ErrorCode,
                failure.Message,
                failure.Field,
                failure.PayloadSnapshot,
                (existing?.Attempts ?? 0) + 1,
                existing?.FirstSeen ?? now,
                now,
                existing?.Status == ReplayStatus.Ignored ? ReplayStatus.Ignored : ReplayStatus.Open,
                failure.RunId);
            Collection.Upsert(ToDocument(item, mirrored: false));
            return item;
        });
    }

    /// <summary>Returns the item of one record, or null.</summary>
    public ReplayItem? Get(string accountId, string entity, LightspeedId lightspeedId)
    {
        var doc = Collection.FindById(Key(accountId, entity, lightspeedId));
        return doc is null ? null : FromDocument(doc);
    }

    /// <summary>
    /// Lists items, oldest first, optionally only one entity, only one Lightspeed id (in any account), and only
    /// pending ones (<see cref="ReplayStatus.Open"/> or <see cref="ReplayStatus.Retrying"/>).
    /// </summary>
    public IReadOnlyList<ReplayItem> List(string? entity = null, LightspeedId? lightspeedId = null, bool pendingOnly = false)
    {
        var documents = lightspeedId is { } id
            ? Collection.Find(Query.EQ("$.lsid", id.Value))
            : entity is not null ? Collection.Find(Query.EQ("$.entity", entity)) : Collection.FindAll();
        return documents
            .Select(FromDocument)
            .Where(i => entity is null || i.Entity == entity)
            .Where(i => !pendingOnly || i.IsPending)
            .OrderBy(i => i.FirstSeen)
            .ThenBy(i => i.Entity, StringComparer.Ordinal)
            .ThenBy(i => i.LightspeedId.Value, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Marks the item <see cref="ReplayStatus.Retrying"/> (a replay picked it up). Returns false when there is no such item.</summary>
    public bool MarkRetrying(string accountId, string entity, LightspeedId lightspeedId) =>
        SetStatus(accountId, entity, lightspeedId, ReplayStatus.Retrying);

    /// <summary>Marks the item <see cref="ReplayStatus.Resolved"/> (the record finally went through). Returns false when there is no such item.</summary>
    public bool MarkResolved(string accountId, string entity, LightspeedId lightspeedId) =>
        SetStatus(accountId, entity, lightspeedId, ReplayStatus.Resolved);

    /// <summary>Marks the item <see cref="ReplayStatus.Ignored"/> (an operator gave up on it). Returns false when there is no such item.</summary>
    public bool MarkIgnored(string accountId, string entity, LightspeedId lightspeedId) =>
        SetStatus(accountId, entity, lightspeedId, ReplayStatus.Ignored);

    /// <summary>How many items are pending (the queue depth).</summary>
    public int Depth() => Collection.Count(Query.In("$.status", new BsonValue(nameof(ReplayStatus.Open)), new BsonValue(nameof(ReplayStatus.Retrying))));

    /// <summary>Pending items counted per entity and error code, ordered by entity then code.</summary>
    public IReadOnlyList<ReplayQueueCount> CountPending() =>
        Collection.Find(Query.In("$.status", new BsonValue(nameof(ReplayStatus.Open)), new BsonValue(nameof(ReplayStatus.Retrying))))
            .GroupBy(d => (Entity: d["entity"].AsString, Code: d["code"].AsString))
            .Select(g => new ReplayQueueCount(g.Key.Entity, g.Key.Code, g.Count()))
            .OrderBy(c => c.Entity, StringComparer.Ordinal)
            .ThenBy(c => c.ErrorCode, StringComparer.Ordinal)
            .ToList();

    /// <summary>Pending items counted per entity.</summary>
    public IReadOnlyDictionary<string, int> CountPendingByEntity() =>
        CountPending().GroupBy(c => c.Entity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Count), StringComparer.Ordinal);

    /// <summary>Pending items counted per error code.</summary>
    public IReadOnlyDictionary<string, int> CountPendingByErrorCode() =>
        CountPending().GroupBy(c => c.ErrorCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Count), StringComparer.Ordinal);

    /// <summary>
    /// Applies a status an admin set in Salesforce (<c>Retrying</c> from the Retry action, or <c>Ignored</c>) to the local
    /// item. The item stays mirrored: Salesforce already shows that status. A local change Salesforce has not seen yet
    /// (a new failure, a resolution) wins over the admin's older view. Returns false when there is no such item, it
    /// already has that status, or it changed locally since it was last written to Salesforce.
    /// </summary>
    public bool ApplyAdminStatus(string accountId, string entity, LightspeedId lightspeedId, ReplayStatus status) =>
        _db.InTransaction(() =>
        {
            var doc = Collection.FindById(Key(accountId, entity, lightspeedId));
            if (doc is null || !doc["mirrored"].IsBoolean || !doc["mirrored"].AsBoolean)
            {
                return false;
            }

            var existing = FromDocument(doc);
            if (existing.Status == status)
            {
                return false;
            }

            Collection.Update(ToDocument(existing with { Status = status }, mirrored: true));
            return true;
        });

    /// <summary>
    /// Items changed since they were last written to <c>Lightspeed_Sync_Error__c</c> (new failures, new attempts, new
    /// statuses), oldest change first, at most <paramref name="max"/>.
    /// </summary>
    public IReadOnlyList<ReplayItem> PendingMirror(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return Collection.Find(Query.Not("$.mirrored", true))
            .Select(FromDocument)
            .OrderBy(i => i.LastSeen)
            .Take(max)
            .ToList();
    }

    /// <summary>
    /// Marks items as written to Salesforce, each only if it did not change since it was read (a change in between
    /// must be written again). Returns how many were marked.
    /// </summary>
    public int MarkMirrored(IEnumerable<ReplayItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return _db.InTransaction(() =>
        {
            var marked = 0;
            foreach (var item in items)
            {
                if (Get(item.AccountId, item.Entity, item.LightspeedId) is { } current && current == item)
                {
                    Collection.Update(ToDocument(current, mirrored: true));
                    marked++;
                }
            }

            return marked;
        });
    }

    private bool SetStatus(string accountId, string entity, LightspeedId lightspeedId, ReplayStatus status) =>
        _db.InTransaction(() =>
        {
            var existing = Get(accountId, entity, lightspeedId);
            if (existing is null)
            {
                return false;
            }

            Collection.Update(ToDocument(existing with { Status = status, LastSeen = _time.GetUtcNow() }, mirrored: false));
            return true;
        });

    private static string Key(string accountId, string entity, LightspeedId lightspeedId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(entity);
        return accountId + "|" + entity + "|" + lightspeedId.Value;
    }

    private static BsonDocument ToDocument(ReplayItem item, bool mirrored) => new()
    {
        ["_id"] = Key(item.AccountId, item.Entity, item.LightspeedId),
        ["account"] = item.AccountId,
        ["entity"] = item.Entity,
        ["lsid"] = item.LightspeedId.Value,
        ["code"] = item.ErrorCode,
        ["message"] = item.Message,
        ["field"] = item.Field is null ? BsonValue.Null : new BsonValue(item.Field),
        ["payload"] = item.PayloadSnapshot is null ? BsonValue.Null : new BsonValue(item.PayloadSnapshot),
        ["attempts"] = item.Attempts,
        ["first"] = StateTime.ToTicks(item.FirstSeen),
        ["last"] = StateTime.ToTicks(item.LastSeen),
        ["status"] = item.Status.ToString(),
        ["run"] = item.RunId,
        ["mirrored"] = mirrored,
    };

    private static ReplayItem FromDocument(BsonDocument doc) => new(
        doc["account"].AsString,
        doc["entity"].AsString,
        new LightspeedId(doc["lsid"].AsString),
        doc["code"].AsString,
        doc["message"].AsString,
        doc["field"].IsNull ? null : doc["field"].AsString,
        doc["payload"].IsNull ? null : doc["payload"].AsString,
        doc["attempts"].AsInt32,
        StateTime.FromTicks(doc["first"].AsInt64),
        StateTime.FromTicks(doc["last"].AsInt64),
        Enum.Parse<ReplayStatus>(doc["status"].AsString),
        doc["run"].AsString);
}
