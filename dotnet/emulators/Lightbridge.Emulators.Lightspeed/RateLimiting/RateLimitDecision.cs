using System.Globalization;

namespace Lightbridge.Emulators.Lightspeed.RateLimiting;

/// <summary>The verdict on one request and the state its headers report.</summary>
internal sealed record RateLimitDecision(
    RateLimitOutcome Outcome,
    double Level,
    double Size,
    int BurstCount,
    int BurstLimit,
    double DripRate,
    decimal Cost,
    int RetryAfterSeconds)
{
    /// <summary><c>75.898271799086/90</c>: the level is fractional (reference section 5, recorded exchanges).</summary>
    public string BucketHeader => Level.ToString("0.############", CultureInfo.InvariantCulture) + "/" + Size.ToString("0", CultureInfo.InvariantCulture);

    public string BurstHeader => BurstCount.ToString(CultureInfo.InvariantCulture) + "/" + BurstLimit.ToString(CultureInfo.InvariantCulture);

    public string DripHeader => DripRate.ToString("0.######", CultureInfo.InvariantCulture);

    public string CostHeader => Cost.ToString("0.##", CultureInfo.InvariantCulture);

    public string TypeHeader => Outcome == RateLimitOutcome.BurstLimiter ? "api-burst-limiter" : "api-leaky-bucket";
}
