using Lightbridge.Core.Model;
using LiteDB;

namespace Lightbridge.State;

/// <summary>
/// The per-(account, entity) checkpoints of the incremental sync. Each checkpoint is one document, so a write
/// replaces watermark and tie set together: a crash never leaves a new watermark with an old tie set.
/// </summary>
public sealed class CheckpointStore
{
    private readonly StateDatabase _db;
    private readonly TimeProvider _time;

    internal CheckpointStore(StateDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    private ILiteCollection<BsonDocument> Collection => _db.Collection(CollectionNames.Checkpoints);

    /// <summary>Returns the checkpoint, or null when the entity was never synced for the account.</summary>
    public Checkpoint? Get(string accountId, string entity)
    {
        var doc = Collection.FindById(Key(accountId, entity));
        return doc is null ? null : FromDocument(doc);
    }

    /// <summary>Replaces the checkpoint with exactly the given watermark and tie set.</summary>
    public Checkpoint Set(string accountId, string entity, DateTimeOffset watermark, IEnumerable<LightspeedId> idsAtWatermark)
    {
        ArgumentNullException.ThrowIfNull(idsAtWatermark);
        var checkpoint = new Checkpoint(accountId, entity, watermark.ToUniversalTime(), idsAtWatermark.ToHashSet(), _time.GetUtcNow());
        Collection.Upsert(ToDocument(checkpoint));
        return checkpoint;
    }

    /// <summary>
    /// Moves the checkpoint forward, atomically: a newer watermark replaces the tie set, the same watermark adds
    /// the ids to it, an older one changes nothing (a checkpoint never goes back; use <see cref="Set"/> or
    /// <see cref="Delete"/> for a deliberate rewind such as a backfill). A change version, when given, moves
    /// forward the same way, on its own.
    /// </summary>
    /// <returns>The checkpoint as stored afterwards.</returns>
    public Checkpoint Advance(string accountId, string entity, DateTimeOffset watermark, IEnumerable<LightspeedId> idsAtWatermark, long? version = null)
    {
        ArgumentNullException.ThrowIfNull(idsAtWatermark);
        var utc = watermark.ToUniversalTime();
        return _db.InTransaction(() =>
        {
            var current = Get(accountId, entity);
            var nextVersion = current?.Version is { } stored && (version is null || stored > version) ? stored : version;
            if (current is not null && current.Watermark > utc)
            {
                // The watermark never goes back; a version cursor still moves on its own (changes within one second).
                if (nextVersion == current.Version)
                {
                    return current;
                }

                var versionOnly = current with { Version = nextVersion, UpdatedAt = _time.GetUtcNow() };
                Collection.Upsert(ToDocument(versionOnly));
                return versionOnly;
            }

            var ids = current is not null && current.Watermark == utc
                ? current.IdsAtWatermark.Concat(idsAtWatermark).ToHashSet()
                : idsAtWatermark.ToHashSet();
            var next = new Checkpoint(accountId, entity, utc, ids, _time.GetUtcNow(), nextVersion);
            Collection.Upsert(ToDocument(next));
            return next;
        });
    }

    public bool Delete(string accountId, string entity) => Collection.Delete(Key(accountId, entity));

    /// <summary>All checkpoints, ordered by account then entity (for <c>status</c>).</summary>
    public IReadOnlyList<Checkpoint> List() =>
        Collection.FindAll()
            .Select(FromDocument)
            .OrderBy(c => c.AccountId, StringComparer.Ordinal)
            .ThenBy(c => c.Entity, StringComparer.Ordinal)
            .ToList();

    private static string Key(string accountId, string entity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(entity);
        return accountId + "|" + entity;
    }

    private static BsonDocument ToDocument(Checkpoint checkpoint) => new()
    {
        ["_id"] = Key(checkpoint.AccountId, checkpoint.Entity),
        ["account"] = checkpoint.AccountId,
        ["entity"] = checkpoint.Entity,
        ["watermark"] = StateTime.ToTicks(checkpoint.Watermark),
        ["ids"] = new BsonArray(checkpoint.IdsAtWatermark.Select(id => new BsonValue(id.Value)).OrderBy(v => v.AsString, StringComparer.Ordinal)),
        ["updated"] = StateTime.ToTicks(checkpoint.UpdatedAt),
        ["version"] = checkpoint.Version is { } version ? new BsonValue(version) : BsonValue.Null,
    };

    private static Checkpoint FromDocument(BsonDocument doc) => new(
        doc["account"].AsString,
        doc["entity"].AsString,
        StateTime.FromTicks(doc["watermark"].AsInt64),
        doc["ids"].AsArray.Select(v => new LightspeedId(v.AsString)).ToHashSet(),
        StateTime.FromTicks(doc["updated"].AsInt64),
        doc.TryGetValue("version", out var version) && !version.IsNull ? version.AsInt64 : null);
}
