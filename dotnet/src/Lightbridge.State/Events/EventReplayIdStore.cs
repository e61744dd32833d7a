using LiteDB;

namespace Lightbridge.State;

/// <summary>
/// The replay id per streaming channel from which the subscriber resumes after a restart or a re-handshake.
/// </summary>
/// <remarks>
/// Store an id only after the event's effect is durable (for resync requests use
/// <see cref="ResyncJobStore.EnqueueFromEvent"/>, which does both in one transaction): an id stored first and a
/// crash before the effect would skip the event for good, while the opposite order only redelivers it.
/// </remarks>
public sealed class EventReplayIdStore
{
    private readonly StateDatabase _db;
    private readonly TimeProvider _time;

    internal EventReplayIdStore(StateDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    private ILiteCollection<BsonDocument> Collection => _db.Collection(CollectionNames.EventReplayIds);

    /// <summary>Returns the stored replay id of the channel, or null when none was stored yet.</summary>
    public StoredReplayId? Get(string channel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        var doc = Collection.FindById(channel);
        return doc is null ? null : new StoredReplayId(channel, doc["replayId"].AsInt64, StateTime.FromTicks(doc["at"].AsInt64));
    }

    /// <summary>Stores the replay id of the channel, replacing the previous one.</summary>
    public StoredReplayId Set(string channel, long replayId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        var stored = new StoredReplayId(channel, replayId, _time.GetUtcNow());
        Collection.Upsert(new BsonDocument
        {
            ["_id"] = channel,
            ["replayId"] = replayId,
            ["at"] = StateTime.ToTicks(stored.StoredAt),
        });
        return stored;
    }
}
