using System.Globalization;

namespace Lightbridge.Salesforce;

/// <summary>
/// One reading of the org's API allowance from the <c>Sforce-Limit-Info</c> header, which every REST response
/// carries: <c>api-usage=18/5000</c>, optionally followed by <c>; per-app-api-usage=17/250(appName=lightbridge)</c>
/// or <c>; api-bursts=1/750</c> (shared/reference/salesforce-api.md §2.2, S26). The allowance is a rolling 24 h.
/// </summary>
/// <param name="Used">Calls counted against the org's daily allowance.</param>
/// <param name="Max">The org's daily allowance.</param>
public sealed record ApiUsage(long Used, long Max)
{
    /// <summary>The header that carries the reading.</summary>
    public const string HeaderName = "Sforce-Limit-Info";

    /// <summary>The connected app's own allowance, when the org sets one (<c>per-app-api-usage</c>).</summary>
    public ApiUsage? PerApp { get; init; }

    /// <summary>The app named in <c>per-app-api-usage=…(appName=X)</c>, when present.</summary>
    public string? AppName { get; init; }

    /// <summary>Used over max, 0 when max is unknown or zero.</summary>
    public double Fraction => Max > 0 ? (double)Used / Max : 0;

    /// <summary>The tighter of the org and per-app fractions: the one that runs out first.</summary>
    public double HighestFraction => Math.Max(Fraction, PerApp?.Fraction ?? 0);

    /// <summary>Parses a header value.</summary>
    /// <param name="headerValue">The raw <c>Sforce-Limit-Info</c> value.</param>
    /// <exception cref="FormatException">No <c>api-usage=n/max</c> segment could be read.</exception>
    public static ApiUsage Parse(string headerValue) =>
        TryParse(headerValue, out var usage)
            ? usage
            : throw new FormatException($"'{headerValue}' is not a Sforce-Limit-Info value (expected api-usage=n/max).");

    /// <summary>Parses a header value, returning false when it holds no readable <c>api-usage</c> segment.</summary>
    /// <param name="headerValue">The raw <c>Sforce-Limit-Info</c> value, or null when the header was absent.</param>
    /// <param name="usage">The reading, when the result is true.</param>
    public static bool TryParse(string? headerValue, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ApiUsage? usage)
    {
        usage = null;
        if (string.IsNullOrWhiteSpace(headerValue))
        {
            return false;
        }

        ApiUsage? org = null;
        ApiUsage? perApp = null;
        string? appName = null;

        // Segments are separated by ';' in the documented form; ',' appears when a proxy folds repeated headers.
        foreach (var rawSegment in headerValue.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = rawSegment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = rawSegment[..equals].Trim();
            var value = rawSegment[(equals + 1)..].Trim();
            if (name.Equals("api-usage", StringComparison.OrdinalIgnoreCase))
            {
                org = ParsePair(value, out _);
            }
            else if (name.Equals("per-app-api-usage", StringComparison.OrdinalIgnoreCase))
            {
                perApp = ParsePair(value, out appName);
            }
        }

        if (org is null)
        {
            return false;
        }

        usage = org with { PerApp = perApp, AppName = appName };
        return true;
    }

    /// <inheritdoc />
    public override string ToString() =>
        PerApp is null
            ? $"{Used}/{Max}"
            : $"{Used}/{Max} (app {AppName ?? "?"}: {PerApp.Used}/{PerApp.Max})";

    private static ApiUsage? ParsePair(string value, out string? appName)
    {
        // "17/250(appName=lightbridge)": the counter, then an optional parenthesised app name.
        appName = null;
        var open = value.IndexOf('(', StringComparison.Ordinal);
        if (open >= 0)
        {
            var close = value.IndexOf(')', open);
            var inner = close > open ? value[(open + 1)..close] : value[(open + 1)..];
            const string prefix = "appName=";
            if (inner.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                appName = inner[prefix.Length..].Trim();
            }

            value = value[..open];
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0
            || !long.TryParse(value[..slash].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var used)
            || !long.TryParse(value[(slash + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var max))
        {
            return null;
        }

        return new ApiUsage(used, max);
    }
}
