namespace Lightbridge.Cli.Commands.Demo;

/// <summary>Lightspeed requests as the worker's client counted them, and as the emulator did.</summary>
internal sealed record LightspeedCallReport(long ClientRequests, long ClientTokenRefreshes, long ClientRateLimited, double ClientThrottleWaitSeconds, LightspeedServerCounters Emulator);
