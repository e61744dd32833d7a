namespace Lightbridge.Emulators.Lightspeed.Control;

/// <summary>Thread-safe request counters per endpoint (the design asks both emulators to count API calls).</summary>
internal sealed class EmulatorCounters
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, (long Requests, long Throttled)> _endpoints = new(StringComparer.Ordinal);
    private long _total;
    private long _throttled;
    private decimal _drips;
    private long _tokenRequests;

    public Func<long> Refreshes { get; set; } = () => 0;

    public void RecordRequest(string endpoint)
    {
        lock (_gate)
        {
            _total++;
            var (r, t) = _endpoints.GetValueOrDefault(endpoint);
            _endpoints[endpoint] = (r + 1, t);
        }
    }

    public void RecordThrottled(string endpoint)
    {
        lock (_gate)
        {
            _throttled++;
            var (r, t) = _endpoints.GetValueOrDefault(endpoint);
            _endpoints[endpoint] = (r, t + 1);
        }
    }

    public void RecordDrips(decimal cost)
    {
        lock (_gate)
        {
            _drips += cost;
        }
    }

    public void RecordToken()
    {
        lock (_gate)
        {
            _tokenRequests++;
        }
    }

    public EmulatorCounterSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new EmulatorCounterSnapshot(
                _total,
                _throttled,
                _drips,
                _tokenRequests,
                Refreshes(),
                _endpoints.ToDictionary(kv => kv.Key, kv => new EndpointCounters(kv.Value.Requests, kv.Value.Throttled), StringComparer.Ordinal));
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _endpoints.Clear();
            _total = 0;
            _throttled = 0;
            _drips = 0;
            _tokenRequests = 0;
        }
    }
}
