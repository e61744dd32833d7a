namespace Lightbridge.Emulators.XSeries.Webhooks;

/// <summary>
/// The most recent webhook delivery attempts with their outcomes, in the order the outcomes were known. Thread-safe;
/// bounded to <see cref="Capacity"/> entries (the oldest go first) so a long-running emulator does not grow.
/// </summary>
internal sealed class DeliveryJournal
{
    /// <summary>The most entries kept.</summary>
    public const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly Queue<XSeriesWebhookDelivery> _entries = new();

    public void Add(XSeriesWebhookDelivery delivery)
    {
        lock (_gate)
        {
            if (_entries.Count == Capacity)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(delivery);
        }
    }

    public IReadOnlyList<XSeriesWebhookDelivery> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
