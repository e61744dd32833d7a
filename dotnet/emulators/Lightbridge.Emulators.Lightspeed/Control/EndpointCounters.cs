namespace Lightbridge.Emulators.Lightspeed;

/// <summary>Requests and 429s seen by one API endpoint (e.g. <c>Sale</c>).</summary>
public sealed record EndpointCounters(long Requests, long Throttled);
