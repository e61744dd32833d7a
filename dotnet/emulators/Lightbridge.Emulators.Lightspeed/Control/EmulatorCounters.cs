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
    private long _faultServerErrors;
    private long _faultDrops;
    private long _faultDelays;

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

    /// <summary>Counts the faults one request was given, so a chaos run can show that they really fired.</summary>
    public void RecordFault(FaultDecision fault)
    {
        lock (_gate)
        {
            _faultDelays += fault.Latency > TimeSpan.Zero ? 1 : 0;
            _faultDrops += fault.Drop ? 1 : 0;
            _faultServerErrors += fault.ServerErrorStatus is null ? 0 : 1;
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
                _endpoints.ToDictionary(kv => kv.Key, kv => new EndpointCounters(kv.Value.Requests, kv.Value.Throttled), StringComparer.Ordinal))
            {
                FaultServerErrors = _faultServerErrors,
                FaultDroppedConnections = _faultDrops,
                FaultDelayedRequests = _faultDelays,
            };
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
            _faultServerErrors = 0;
            _faultDrops = 0;
            _faultDelays = 0;
        }
    }
}
