namespace Lightbridge.Emulators.XSeries;

/// <summary>
/// Fault injection for the API (never the control surface): shares of requests answered 5xx or 429, a fixed added
/// latency, and a share of connections aborted without a response. Rates are between 0 and 1.
/// </summary>
public sealed record XSeriesFaults(double ServerErrorRate, double ThrottleRate, TimeSpan Latency, double DroppedConnectionRate)
{
    /// <summary>No faults.</summary>
    public static XSeriesFaults None { get; } = new(0, 0, TimeSpan.Zero, 0);
}
