using System.Globalization;

namespace Lightbridge.Lightspeed.RateLimiting;

/// <summary>
/// What one response said about the leaky bucket:
/// <c>X-LS-API-Bucket-Level: 75.898271799086/90</c> (level is fractional), <c>X-LS-Api-Drip-Rate: 1</c>,
/// <c>X-LS-Api-Request-Cost: 1</c> and <c>X-LS-API-Burst-Level: 1/20</c>. Header names vary in case between
/// Lightspeed's own docs, so they are matched case-insensitively (shared/reference/lightspeed-api.md §5).
/// </summary>
/// <param name="Level">Drips in the bucket after this request.</param>
/// <param name="Size">Bucket size in drips.</param>
/// <param name="DripRate">Drips leaking per second.</param>
/// <param name="RequestCost">What this request cost, when reported.</param>
/// <param name="BurstLimit">Requests allowed per one-second burst window, when reported.</param>
internal readonly record struct BucketStatus(double Level, double Size, double DripRate, double? RequestCost, double? BurstLimit)
{
    public const string BucketLevelHeader = "X-LS-API-Bucket-Level";
    public const string DripRateHeader = "X-LS-Api-Drip-Rate";
    public const string RequestCostHeader = "X-LS-Api-Request-Cost";
    public const string BurstLevelHeader = "X-LS-API-Burst-Level";

    /// <summary>Parses the header values; null unless the bucket level is present and sane (a missing drip rate reads as 0).</summary>
    public static BucketStatus? Parse(string? bucketLevel, string? dripRate, string? requestCost, string? burstLevel)
    {
        if (!TryParseFraction(bucketLevel, out var level, out var size) || size <= 0)
        {
            return null;
        }

        // Without a drip rate the level still says how full the bucket is; the throttle then re-probes
        // instead of predicting the drain.
        var drip = TryParseNumber(dripRate, out var parsedDrip) && parsedDrip > 0 ? parsedDrip : 0;

        double? cost = TryParseNumber(requestCost, out var c) && c >= 0 ? c : null;
        double? burst = TryParseFraction(burstLevel, out _, out var burstLimit) && burstLimit > 0 ? burstLimit : null;
        return new BucketStatus(level, size, drip, cost, burst);
    }

    /// <summary>Finds the headers case-insensitively in any header collection and parses them.</summary>
    public static BucketStatus? FromHeaders(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        string? bucket = null, drip = null, cost = null, burst = null;
        foreach (var (name, values) in headers)
        {
            var value = values.FirstOrDefault();
            if (name.Equals(BucketLevelHeader, StringComparison.OrdinalIgnoreCase))
            {
                bucket = value;
            }
            else if (name.Equals(DripRateHeader, StringComparison.OrdinalIgnoreCase))
            {
                drip = value;
            }
            else if (name.Equals(RequestCostHeader, StringComparison.OrdinalIgnoreCase))
            {
                cost = value;
            }
            else if (name.Equals(BurstLevelHeader, StringComparison.OrdinalIgnoreCase))
            {
                burst = value;
            }
        }

        return Parse(bucket, drip, cost, burst);
    }

    internal static bool TryParseFraction(string? value, out double numerator, out double denominator)
    {
        numerator = denominator = 0;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash > 0
            && TryParseNumber(value[..slash], out numerator)
            && TryParseNumber(value[(slash + 1)..], out denominator)
            && numerator >= 0;
    }

    internal static bool TryParseNumber(string? value, out double number)
    {
        number = 0;
        return !string.IsNullOrWhiteSpace(value)
            && double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number);
    }
}
