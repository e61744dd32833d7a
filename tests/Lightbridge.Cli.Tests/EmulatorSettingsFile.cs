using System.Text.Json;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Emulators.Salesforce;

namespace Lightbridge.Cli.Tests;

/// <summary>
/// The settings file a process test hands to <c>lightbridge --config</c>: both emulators (Lightspeed retries kept short)
/// and a state file in the test's folder; <c>extra</c> adds or replaces whole sections (<c>Mapping</c>, <c>Sync</c>...).
/// </summary>
internal static class EmulatorSettingsFile
{
    public static string Write(string directory, LightspeedEmulator lightspeed, SalesforceEmulator org, IReadOnlyDictionary<string, object>? extra = null)
    {
        var settings = new Dictionary<string, object>
        {
            ["Lightspeed"] = new
            {
                BaseUrl = lightspeed.BaseUrl.ToString(),
                TokenUrl = lightspeed.TokenUrl.ToString(),
                lightspeed.AccountId,
                lightspeed.ClientId,
                lightspeed.ClientSecret,
                RefreshToken = lightspeed.InitialRefreshToken,
                TransientRetryBaseDelay = "00:00:00.010",
                TransientRetryMaxDelay = "00:00:00.050",
            },
            ["Salesforce"] = new { LoginUrl = org.LoginUrl.ToString(), Auth = "ClientCredentials", org.ClientId, org.ClientSecret },
            ["State"] = new { Path = Path.Combine(directory, "state.db") },
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, object>())
        {
            settings[key] = value;
        }

        var path = Path.Combine(directory, "settings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(settings));
        return path;
    }
}
