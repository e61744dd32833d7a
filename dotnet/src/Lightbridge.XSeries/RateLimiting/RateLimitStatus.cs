using System.Globalization;
using System.Net.Http.Headers;

namespace Lightbridge.XSeries.RateLimiting;

/// <summary>
/// <c>X-RateLimit-Limit</c> and <c>X-RateLimit-Remaining</c>: the window's allowance (300 per register + 50 per
/// 5 minutes, per retailer and app) and what is left of it (shared/reference/lightspeed-api.md §7), with
/// <c>X-RateLimit-Reset</c> when a server sends it (an HTTP date, Unix seconds or seconds from now).
/// </summary>
internal readonly record struct RateLimitStatus(int Limit, int Remaining, DateTimeOffset? ResetsAt)
{
    public const string LimitHeader = "X-RateLimit-Limit";
    public const string RemainingHeader = "X-RateLimit-Remaining";
    public const string ResetHeader = "X-RateLimit-Reset";

    /// <summary>The status the headers report, or null when either count is missing or unreadable.</summary>
    public static RateLimitStatus? FromHeaders(HttpResponseHeaders headers, DateTimeOffset now) =>
        Parse(First(headers, LimitHeader), First(headers, RemainingHeader), First(headers, ResetHeader), now);

    public static RateLimitStatus? Parse(string? limit, string? remaining, string? reset, DateTimeOffset now)
    {
        if (!TryCount(limit, out var max) || max <= 0 || !TryCount(remaining, out var left))
        {
            return null;
        }

        return new RateLimitStatus(max, Math.Clamp(left, 0, max), ParseReset(reset, now));
    }

    private static DateTimeOffset? ParseReset(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            // A large number is a Unix time; a small one is seconds from now.
            return number > 1_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(number) : now + TimeSpan.FromSeconds(Math.Max(0, number));
        }

        return RetryAfter.Parse(value, now) is { } wait ? now + wait : null;
    }

    private static bool TryCount(string? value, out int count)
    {
        count = 0;
        return value is not null
            && double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            && double.IsFinite(parsed)
            && parsed is >= int.MinValue and <= int.MaxValue
            && (count = (int)parsed) == count;
    }

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
