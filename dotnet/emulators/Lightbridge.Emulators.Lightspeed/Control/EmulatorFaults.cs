namespace Lightbridge.Emulators.Lightspeed;

/// <summary>
/// Fault injection for the API (never the control surface): a share of requests answered 5xx, a fixed added
/// latency, and a share of connections aborted without a response. Rates are between 0 and 1.
/// </summary>
public sealed record EmulatorFaults(double ServerErrorRate, TimeSpan Latency, double DroppedConnectionRate)
{
    public static EmulatorFaults None { get; } = new(0, TimeSpan.Zero, 0);
}
