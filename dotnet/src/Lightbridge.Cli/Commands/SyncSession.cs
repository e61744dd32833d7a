using Lightbridge.Cli.Configuration;
using Lightbridge.Cli.Logging;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Tokens;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;
using System.CommandLine;

namespace Lightbridge.Cli.Commands;

/// <summary>
/// What a verb that syncs once and exits (<c>sync</c>, <c>backfill</c>, <c>replay</c>) holds for its lifetime: the logs,
/// the state file (locked), one HTTP client, the Lightspeed and Salesforce clients and the engine over them. Disposed
/// in reverse order. The worker (<c>run</c>) builds the same from its host's services.
/// </summary>
internal sealed class SyncSession : IDisposable
{
    private readonly SerilogLoggerFactory _loggers;
    private readonly StateStore _state;
    private readonly HttpClient _http;
    private readonly LightspeedClient _lightspeed;
    private readonly SalesforceClient _salesforce;

    private SyncSession(SerilogLoggerFactory loggers, StateStore state, HttpClient http, LightspeedClient lightspeed, SalesforceClient salesforce, SyncEngine engine)
    {
        _loggers = loggers;
        _state = state;
        _http = http;
        _lightspeed = lightspeed;
        _salesforce = salesforce;
        Engine = engine;
    }

    /// <summary>The engine over the configured account and org.</summary>
    public SyncEngine Engine { get; }

    /// <summary>The client of the configured Lightspeed account (the go-live verbs read through it).</summary>
    public LightspeedClient Lightspeed => _lightspeed;

    /// <summary>The client of the configured org.</summary>
    public SalesforceClient Salesforce => _salesforce;

    /// <summary>The settings, the compiled mapping and the logs of a verb, read and checked at its start.</summary>
    public sealed record Setup(SyncSettings Settings, CompiledMappings Mappings, Serilog.Core.Logger Log);

    /// <summary>
    /// Reads and checks the sync settings, compiles the mapping and builds the logs (console to standard error: standard
    /// output carries the result lines a script reads); on a problem, writes it (naming the setting) to standard error
    /// and returns null, for the caller to exit 2.
    /// </summary>
    public static async Task<Setup?> ReadSettingsAsync(ParseResult parseResult, GlobalOptions options)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            var configuration = LightbridgeConfiguration.Build(parseResult.GetValue(options.Config));
            var settings = SettingsReader.ReadSyncSettings(configuration);
            var mappings = new MappingCompiler().Compile(settings.Mapping);
            return new Setup(settings, mappings, CommandLogging.Create(configuration, parseResult, options, consoleToStandardError: true));
        }
        catch (Exception ex) when (ex is ConfigurationProblemException or MappingConfigurationException)
        {
            await Console.Error.WriteLineAsync($"lightbridge: {ex.Message}");
            return null;
        }
    }

    /// <summary>Opens the state file and builds the clients and the engine; the session owns <paramref name="setup"/>'s log.</summary>
    /// <exception cref="ConfigurationProblemException">The state file cannot be opened (locked, wrong password).</exception>
    public static SyncSession Open(Setup setup, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var settings = setup.Settings;
        var loggers = new SerilogLoggerFactory(setup.Log, dispose: true);
        StateStore? state = null;
        try
        {
            state = StateSettings.Open(settings.State, time);
            // No automatic redirects: a 300 from an ambiguous upsert must reach the client, not be followed.
            var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
            var lightspeed = new LightspeedClient(
                http, settings.Lightspeed, new StateLightspeedTokenStore(state.Tokens, settings.LightspeedRefreshToken), time, loggers.CreateLogger<LightspeedClient>());
            var salesforce = new SalesforceClient(http, settings.Salesforce, time, loggers.CreateLogger<SalesforceClient>());
            var engine = new SyncEngine(lightspeed, salesforce, state, setup.Mappings, settings.Sync, time, loggers.CreateLogger<SyncEngine>(), settings.Matching);
            return new SyncSession(loggers, state, http, lightspeed, salesforce, engine);
        }
        catch
        {
            state?.Dispose();
            loggers.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _salesforce.Dispose();
        _lightspeed.Dispose();
        _http.Dispose();
        _state.Dispose();
        _loggers.Dispose();
    }
}
