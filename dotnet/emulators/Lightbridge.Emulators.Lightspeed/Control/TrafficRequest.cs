namespace Lightbridge.Emulators.Lightspeed.Control;

/// <summary>Body of <c>POST /__emulator/traffic</c>.</summary>
internal sealed record TrafficRequest(double SalesPerMinute, double EditsPerMinute);
