namespace Lightbridge.Cli.Commands.Demo;

/// <summary>What the Lightspeed emulator counted.</summary>
/// <param name="TotalRequests">API requests received (429s included).</param>
/// <param name="Throttled">Requests refused with 429.</param>
/// <param name="TokenRequests">Requests to the token endpoint.</param>
/// <param name="Endpoints">API requests per endpoint.</param>
internal sealed record LightspeedServerCounters(long TotalRequests, long Throttled, long TokenRequests, SortedDictionary<string, long> Endpoints);
