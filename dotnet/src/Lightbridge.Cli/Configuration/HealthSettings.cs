using Microsoft.Extensions.Configuration;

namespace Lightbridge.Cli.Configuration;

/// <summary>
/// The <c>Health</c> section: <c>Health:Urls</c>, where <c>run</c> serves health, readiness, status and metrics
/// (default <c>http://127.0.0.1:9464</c>, loopback only; several URLs separated by <c>;</c>; port 0 picks a free
/// port and logs it).
/// </summary>
internal static class HealthSettings
{
    /// <summary>The default, <c>http://127.0.0.1:9464</c> (the port Prometheus exporters conventionally use for this range).</summary>
    public const string DefaultUrls = "http://127.0.0.1:9464";

    /// <summary>Reads and checks <c>Health:Urls</c>.</summary>
    public static IReadOnlyList<string> ReadUrls(IConfiguration configuration, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        var text = configuration["Health:Urls"];
        if (string.IsNullOrWhiteSpace(text))
        {
            text = DefaultUrls;
        }

        var urls = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/")
            {
                problems.Add($"Health:Urls: '{url}' is not an http://host:port URL.");
            }
        }

        return urls;
    }
}
