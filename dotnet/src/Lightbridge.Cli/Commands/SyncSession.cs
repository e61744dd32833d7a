using Lightbridge.Cli.Configuration;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Tokens;

namespace Lightbridge.Cli.Commands;

/// <summary>
/// What a verb that syncs holds for its lifetime: the state file (locked), one HTTP client, the Lightspeed and
/// Salesforce clients and the engine over them. Disposed in reverse order.
/// </summary>
internal sealed class SyncSession : IDisposable
{
    private readonly StateStore _state;
    private readonly HttpClient _http;
    private readonly LightspeedClient _lightspeed;
    private readonly SalesforceClient _salesforce;

    private SyncSession(StateStore state, HttpClient http, LightspeedClient lightspeed, SalesforceClient salesforce, SyncEngine engine)
    {
        _state = state;
        _http = http;
        _lightspeed = lightspeed;
        _salesforce = salesforce;
        Engine = engine;
    }

    /// <summary>The engine over the configured account and org.</summary>
    public SyncEngine Engine { get; }

    /// <summary>
    /// Reads and checks the sync settings and compiles the mapping; on a problem, writes it (naming the setting) to
    /// standard error and returns null, for the caller to exit 2.
    /// </summary>
    public static async Task<(SyncSettings Settings, CompiledMappings Mappings)?> ReadSettingsAsync(string? configPath)
    {
        try
        {
            var settings = SettingsReader.ReadSyncSettings(LightbridgeConfiguration.Build(configPath));
            return (settings, new MappingCompiler().Compile(settings.Mapping));
        }
        catch (Exception ex) when (ex is ConfigurationProblemException or MappingConfigurationException)
        {
            await Console.Error.WriteLineAsync($"lightbridge: {ex.Message}");
            return null;
        }
    }

    /// <summary>Opens the state file and builds the clients and the engine.</summary>
    /// <exception cref="ConfigurationProblemException">The state file cannot be opened (locked, wrong password).</exception>
    public static SyncSession Open(SyncSettings settings, CompiledMappings mappings, TimeProvider time)
    {
        var state = StateSettings.Open(settings.State, time);
        try
        {
            // No automatic redirects: a 300 from an ambiguous upsert must reach the client, not be followed.
            var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
            var lightspeed = new LightspeedClient(http, settings.Lightspeed, new StateLightspeedTokenStore(state.Tokens, settings.LightspeedRefreshToken), time);
            var salesforce = new SalesforceClient(http, settings.Salesforce, time);
            var engine = new SyncEngine(lightspeed, salesforce, state, mappings, settings.Sync, time, matching: settings.Matching);
            return new SyncSession(state, http, lightspeed, salesforce, engine);
        }
        catch
        {
            state.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _salesforce.Dispose();
        _lightspeed.Dispose();
        _http.Dispose();
        _state.Dispose();
    }
}
