namespace Lightbridge.Emulators.Lightspeed.Control;

/// <summary>What to do to one API request: delay it, then drop it, or answer with <see cref="ServerErrorStatus"/>.</summary>
internal sealed record FaultDecision(TimeSpan Latency, bool Drop, int? ServerErrorStatus);
