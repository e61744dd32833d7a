namespace Lightbridge.Emulators.XSeries.Control;

/// <summary>Thread-safe counters of API requests, throttles, faults, tokens and webhook deliveries.</summary>
internal sealed class Counters
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, (long Requests, long Throttled)> _endpoints = new(StringComparer.Ordinal);
    private long _total;
    private long _throttled;
    private long _faultErrors;
    private long _faultThrottles;
    private long _faultDrops;
    private long _faultDelays;
    private long _sent;
    private long _dropped;
    private long _failed;
    private long _tokenBaseline;
    private long _refreshBaseline;

    public Func<(long TokenRequests, long Refreshes)> Tokens { get; set; } = () => (0, 0);

    /// <summary>Raised after every webhook outcome, so a waiter can re-check without polling.</summary>
    public event Action? WebhookOutcome;

    public void Request(string endpoint)
    {
        lock (_gate)
        {
            _total++;
            var (r, t) = _endpoints.GetValueOrDefault(endpoint);
            _endpoints[endpoint] = (r + 1, t);
        }
    }

    public void Throttled(string endpoint)
    {
        lock (_gate)
        {
            _throttled++;
            var (r, t) = _endpoints.GetValueOrDefault(endpoint);
            _endpoints[endpoint] = (r, t + 1);
        }
    }

    public void Fault(FaultDecision f)
    {
        lock (_gate)
        {
            _faultDelays += f.Latency > TimeSpan.Zero ? 1 : 0;
            _faultDrops += f.Drop ? 1 : 0;
            _faultThrottles += f.Throttle ? 1 : 0;
            _faultErrors += f.ServerErrorStatus is null ? 0 : 1;
        }
    }

    public void WebhookSent() => Webhook(ref _sent);

    public void WebhookDropped() => Webhook(ref _dropped);

    public void WebhookFailed() => Webhook(ref _failed);

    private void Webhook(ref long counter)
    {
        lock (_gate)
        {
            counter++;
        }

        WebhookOutcome?.Invoke();
    }

    public XSeriesCounterSnapshot Snapshot()
    {
        var (tokens, refreshes) = Tokens();
        lock (_gate)
        {
            return new XSeriesCounterSnapshot(
                _total,
                _throttled,
                tokens - _tokenBaseline,
                refreshes - _refreshBaseline,
                _endpoints.ToDictionary(kv => kv.Key, kv => new XSeriesEndpointCounters(kv.Value.Requests, kv.Value.Throttled), StringComparer.Ordinal))
            {
                FaultServerErrors = _faultErrors,
                FaultThrottles = _faultThrottles,
                FaultDroppedConnections = _faultDrops,
                FaultDelayedRequests = _faultDelays,
                WebhooksSent = _sent,
                WebhooksDropped = _dropped,
                WebhooksFailed = _failed,
            };
        }
    }

    public void Reset()
    {
        var (tokens, refreshes) = Tokens();
        lock (_gate)
        {
            _endpoints.Clear();
            _total = _throttled = _faultErrors = _faultThrottles = _faultDrops = _faultDelays = _sent = _dropped = _failed = 0;
            _tokenBaseline = tokens;
            _refreshBaseline = refreshes;
        }
    }
}
