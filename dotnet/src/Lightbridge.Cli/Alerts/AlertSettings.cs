using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Lightbridge.Cli.Alerts;

/// <summary>
/// The <c>Alerts</c> section. Alerts are off unless <c>Alerts:WebhookUrl</c> is set. Thresholds: a run failing
/// (always), <c>ErrorRateThreshold</c> (share of a run's records failed, default 0.05), <c>QueueDepthThreshold</c>
/// (records in the replay queue, default 100), <c>LagThresholdSeconds</c> (default 900), <c>ApiUsageThreshold</c>
/// (share of the daily Salesforce allocation, default 0.8); <c>Cooldown</c> (default 00:30:00) between two alerts
/// of one condition; <c>Template</c> a Scriban template of the JSON body (Slack- and Teams-compatible
/// <c>{"text": ...}</c> by default).
/// </summary>
internal sealed record AlertSettings(
    Uri? WebhookUrl,
    string Template,
    TimeSpan Cooldown,
    double ErrorRateThreshold,
    int QueueDepthThreshold,
    double LagThresholdSeconds,
    double ApiUsageThreshold)
{
    /// <summary>The default body: <c>text</c> is what both Slack and Teams incoming webhooks show.</summary>
    public const string DefaultTemplate = """{"text": {{ text_json }}}""";

    /// <summary>Reads the section; each problem names its setting.</summary>
    public static AlertSettings Read(IConfiguration configuration, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        var section = configuration.GetSection("Alerts");
        Uri? url = null;
        var urlText = section["WebhookUrl"];
        if (!string.IsNullOrWhiteSpace(urlText) && (!Uri.TryCreate(urlText, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            problems.Add("Alerts:WebhookUrl: not an http(s) URL.");
        }

        var cooldown = TimeSpan.FromMinutes(30);
        var cooldownText = section["Cooldown"];
        if (!string.IsNullOrWhiteSpace(cooldownText) && (!TimeSpan.TryParse(cooldownText, CultureInfo.InvariantCulture, out cooldown) || cooldown < TimeSpan.Zero))
        {
            problems.Add($"Alerts:Cooldown: '{cooldownText}' is not a duration (hh:mm:ss).");
        }

        return new AlertSettings(
            url,
            string.IsNullOrWhiteSpace(section["Template"]) ? DefaultTemplate : section["Template"]!,
            cooldown,
            Number(section, "ErrorRateThreshold", 0.05, 0, 1, problems),
            (int)Number(section, "QueueDepthThreshold", 100, 0, int.MaxValue, problems),
            Number(section, "LagThresholdSeconds", 900, 0, double.MaxValue, problems),
            Number(section, "ApiUsageThreshold", 0.8, 0, 1, problems));
    }

    private static double Number(IConfigurationSection section, string key, double fallback, double min, double max, List<string> problems)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add($"Alerts:{key}: '{text}' is not a number between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}.");
        return fallback;
    }
}
