using System.Globalization;

namespace Lightbridge.Lightspeed.RateLimiting;

/// <summary>
/// What a 429 said: <c>X-LS-API-RateLimit-Type: api-leaky-bucket|api-burst-limiter</c> and
/// <c>Retry-After</c> in seconds on R-Series (shared/reference/lightspeed-api.md §5, §9.14).
/// </summary>
/// <param name="Wait">How long to wait before retrying.</param>
/// <param name="LimitType">The limiter that refused, when named.</param>
/// <param name="IsBurst">Whether the burst limiter refused.</param>
internal readonly record struct RateLimitRejection(TimeSpan Wait, string? LimitType, bool IsBurst)
{
    public const string LimitTypeHeader = "X-LS-API-RateLimit-Type";
    public const string BurstLimiter = "api-burst-limiter";

    /// <summary>The burst limiter counts fixed one-second windows: waiting less than that cannot help.</summary>
    private static readonly TimeSpan MinimumBurstWait = TimeSpan.FromSeconds(1);

    /// <summary>Used when a 429 carries no usable <c>Retry-After</c>.</summary>
    private static readonly TimeSpan FallbackWait = TimeSpan.FromSeconds(1);

    /// <param name="retryAfter">The <c>Retry-After</c> value: seconds, or tolerantly an HTTP date.</param>
    /// <param name="limitType">The <c>X-LS-API-RateLimit-Type</c> value.</param>
    /// <param name="body">The response text, which names the burst limiter when the header is missing.</param>
    /// <param name="now">The current time, to turn a date into a wait.</param>
    public static RateLimitRejection Parse(string? retryAfter, string? limitType, string? body, DateTimeOffset now)
    {
        var isBurst = string.Equals(limitType?.Trim(), BurstLimiter, StringComparison.OrdinalIgnoreCase)
            || (limitType is null && body is not null && body.Contains("burst", StringComparison.OrdinalIgnoreCase));

        var wait = ParseRetryAfter(retryAfter, now) ?? FallbackWait;
        if (isBurst && wait < MinimumBurstWait)
        {
            wait = MinimumBurstWait;
        }

        return new RateLimitRejection(wait, limitType?.Trim(), isBurst);
    }

    private static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        // X-Series sends an HTTP date (§7); accept it here too rather than ignore the server's wish.
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
