namespace Lightbridge.Salesforce.Streaming;

/// <summary>
/// Remembers the last <see cref="Capacity"/> EventUuids handled, so an event delivered again after a
/// re-handshake (replay from the last handled id can overlap what a dropped connect already carried) is skipped.
/// The uuid, not the replay id, is the identity (reference §3.3: replay ids are opaque and not unique).
/// </summary>
internal sealed class EventDeduplicator
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public EventDeduplicator(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>True when <paramref name="eventUuid"/> was already handled. Events without a uuid are never duplicates.</summary>
    public bool IsDuplicate(string? eventUuid) => eventUuid is not null && _seen.Contains(eventUuid);

    /// <summary>Records a handled event; the oldest uuid is forgotten past <see cref="Capacity"/>.</summary>
    public void MarkHandled(string? eventUuid)
    {
        if (eventUuid is null || !_seen.Add(eventUuid))
        {
            return;
        }

        _order.Enqueue(eventUuid);
        if (_order.Count > Capacity)
        {
            _seen.Remove(_order.Dequeue());
        }
    }
}
