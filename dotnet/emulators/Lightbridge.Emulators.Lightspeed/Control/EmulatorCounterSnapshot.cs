namespace Lightbridge.Emulators.Lightspeed;

/// <summary>
/// A copy of the emulator's counters. <see cref="TotalRequests"/> counts API requests only (not the token
/// endpoint, counted in <see cref="TokenRequests"/>); <see cref="TotalDrips"/> sums the cost of admitted requests.
/// </summary>
public sealed record EmulatorCounterSnapshot(
    long TotalRequests,
    long TotalThrottled,
    decimal TotalDrips,
    long TokenRequests,
    long Refreshes,
    IReadOnlyDictionary<string, EndpointCounters> Endpoints)
{
    /// <summary>Requests answered 500, 502 or 503 by the injected faults.</summary>
    public long FaultServerErrors { get; init; }

    /// <summary>Requests whose connection the injected faults dropped without a response.</summary>
    public long FaultDroppedConnections { get; init; }

    /// <summary>Requests delayed by the injected latency.</summary>
    public long FaultDelayedRequests { get; init; }
}
