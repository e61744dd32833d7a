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
    IReadOnlyDictionary<string, EndpointCounters> Endpoints);
