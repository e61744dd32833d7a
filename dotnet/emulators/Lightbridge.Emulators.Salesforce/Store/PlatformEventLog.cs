namespace Lightbridge.Emulators.Salesforce.Store;

/// <summary>
/// Published platform events in replay order. Replay ids are not contiguous in a real org (reference section 7,
/// "non-contiguous replay ids"), so they advance by a small stride. The CometD server reads from here.
/// </summary>
internal sealed class PlatformEventLog
{
    private readonly List<PublishedEvent> _events = [];
    private long _lastReplayId;
    private TaskCompletionSource _published = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The replay id of the newest event (0 when none was published).</summary>
    public long LastReplayId => Interlocked.Read(ref _lastReplayId);

    /// <summary>Completes at the next publish; held CometD connects wait on it.</summary>
    public Task NextPublish => Volatile.Read(ref _published).Task;

    public IReadOnlyList<PublishedEvent> Events
    {
        get
        {
            lock (_events)
            {
                return _events.ToArray();
            }
        }
    }

    public PublishedEvent Append(string eventName, string id, Dictionary<string, object?> payload, DateTimeOffset createdDate)
    {
        PublishedEvent published;
        lock (_events)
        {
            // Id and list change together: a reader never sees a newer id in the list before an older one.
            var replayId = Interlocked.Add(ref _lastReplayId, 3);
            published = new PublishedEvent(eventName, replayId, Guid.NewGuid().ToString(), id, createdDate, payload);
            _events.Add(published);
        }

        Interlocked.Exchange(ref _published, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return published;
    }

    public void Clear()
    {
        lock (_events)
        {
            _events.Clear();
        }
    }
}
