namespace Lightbridge.Emulators.Lightspeed.Control;

/// <summary>Body of <c>POST /__emulator/faults</c>: rates 0–1, latency in milliseconds.</summary>
internal sealed record FaultsRequest(double? ServerErrorRate, int? LatencyMs, double? DroppedConnectionRate);
