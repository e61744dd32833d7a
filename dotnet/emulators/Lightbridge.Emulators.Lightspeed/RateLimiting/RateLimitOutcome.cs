namespace Lightbridge.Emulators.Lightspeed.RateLimiting;

/// <summary>Whether a request passes, or which limiter refused it (<c>X-LS-API-RateLimit-Type</c>).</summary>
internal enum RateLimitOutcome
{
    Allowed,
    LeakyBucket,
    BurstLimiter,
}
