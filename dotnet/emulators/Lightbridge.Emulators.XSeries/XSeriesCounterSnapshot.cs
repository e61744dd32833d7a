namespace Lightbridge.Emulators.XSeries;

/// <summary>Requests and throttles of one API endpoint (e.g. <c>GET /api/2.0/sales</c>).</summary>
public sealed record XSeriesEndpointCounters(long Requests, long Throttled);

/// <summary>Counters since start or the last reset.</summary>
public sealed record XSeriesCounterSnapshot(
    long TotalRequests,
    long Throttled,
    long TokenRequests,
    long Refreshes,
    IReadOnlyDictionary<string, XSeriesEndpointCounters> Endpoints)
{
    /// <summary>Requests answered 5xx by an injected fault.</summary>
    public long FaultServerErrors { get; init; }

    /// <summary>Requests answered 429 by an injected fault (also counted in <see cref="Throttled"/>).</summary>
    public long FaultThrottles { get; init; }

    /// <summary>Connections aborted by an injected fault.</summary>
    public long FaultDroppedConnections { get; init; }

    /// <summary>Requests delayed by an injected latency.</summary>
    public long FaultDelayedRequests { get; init; }

    /// <summary>Webhook deliveries answered 2xx by the subscriber.</summary>
    public long WebhooksSent { get; init; }

    /// <summary>Webhook deliveries deliberately not sent (the configured drop fraction).</summary>
    public long WebhooksDropped { get; init; }

    /// <summary>Webhook deliveries that got a non-2xx answer, a timeout or a connection error.</summary>
    public long WebhooksFailed { get; init; }
}
