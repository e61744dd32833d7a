using System.Globalization;

namespace Lightbridge.XSeries.RateLimiting;

/// <summary>
/// Reads <c>Retry-After</c>. X-Series sends an HTTP date (RFC 1123, <c>Tue, 03 Mar 2026 10:00:30 GMT</c>), not
/// seconds (shared/reference/lightspeed-api.md §7, §9.14); seconds are accepted too, as HTTP allows both.
/// </summary>
internal static class RetryAfter
{
    /// <summary>Used when a 429 carries no usable <c>Retry-After</c>: long enough not to hammer, short against a 5-minute window.</summary>
    public static readonly TimeSpan Fallback = TimeSpan.FromSeconds(5);

    /// <summary>The wait the value asks for from <paramref name="now"/>; a date in the past is no wait; unreadable gives null.</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
