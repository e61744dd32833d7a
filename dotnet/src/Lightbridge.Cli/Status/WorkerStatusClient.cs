using System.Text.Json;
using Lightbridge.Cli.Configuration;
using Microsoft.Extensions.Configuration;

namespace Lightbridge.Cli.Status;

/// <summary>
/// Reads the status from the running worker's <c>/status</c> endpoint (on <c>Health:Urls</c>) when the worker holds
/// the state file's lock, so <c>status</c> works beside <c>run</c>.
/// </summary>
internal static class WorkerStatusClient
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Fetches the report; when the worker does not answer, the original lock problem is thrown with that added.</summary>
    /// <exception cref="ConfigurationProblemException">Neither the file nor the worker could give the status.</exception>
    public static StatusReport Fetch(IConfiguration configuration, ConfigurationProblemException lockProblem)
    {
        ArgumentNullException.ThrowIfNull(lockProblem);
        var urls = HealthSettings.ReadUrls(configuration, []);
        using var http = new HttpClient { Timeout = RequestTimeout };
        var failures = new List<string>();
        foreach (var url in urls)
        {
            // A wildcard binding is reached on loopback.
            var target = new UriBuilder(url) { Path = "/status" };
            if (target.Host is "0.0.0.0" or "*" or "+" or "[::]")
            {
                target.Host = "127.0.0.1";
            }

            try
            {
                var body = http.GetStringAsync(target.Uri).GetAwaiter().GetResult();
                return StatusJson.Deserialize(body);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
            {
                failures.Add($"{target.Uri}: {ex.Message}");
            }
        }

        throw new ConfigurationProblemException(
            lockProblem.Setting, $"{lockProblem.Message.Split(": ", 2)[^1]} Its health endpoint did not answer either ({string.Join("; ", failures)}).", lockProblem);
    }
}
