using Lightbridge.Cli.Configuration;
using Lightbridge.Cli.Logging;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.Salesforce.DryRun;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Pipelines;
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
    private readonly IReadOnlyList<SourceConnection> _sources;
    private readonly SalesforceClient _salesforce;
    private readonly DryRunState? _dryRun;

    private SyncSession(
        SerilogLoggerFactory loggers, StateStore state, HttpClient http, IReadOnlyList<SourceConnection> sources, SalesforceClient salesforce, IReadOnlyList<AccountEngine> engines, DryRunState? dryRun)
    {
        _loggers = loggers;
        _state = state;
        _http = http;
        _sources = sources;
        _salesforce = salesforce;
        Engines = engines;
        _dryRun = dryRun;
    }

    /// <summary>What a <c>--dry-run</c> would have written; null for a real run.</summary>
    public DryRunLedger? DryRun => _dryRun?.Ledger;

    /// <summary>The engine over the first (or only) configured account and the org.</summary>
    public SyncEngine Engine => Engines[0].Engine;

    /// <summary>One engine per configured Lightspeed account, in configuration order, all writing the one org.</summary>
    public IReadOnlyList<AccountEngine> Engines { get; }

    /// <summary>
    /// The R-Series client of the configured account (the go-live verbs read through it; they check the series with
    /// <see cref="SyncSettings.RSeriesOnly"/> before opening the session).
    /// </summary>
    public LightspeedClient Lightspeed => _sources[0].RSeries ?? throw new InvalidOperationException("The configured account is not an R-Series one.");

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
    /// <param name="setup">The verb's settings, mapping and log.</param>
    /// <param name="time">The clock.</param>
    /// <param name="dryRun">
    /// For <c>--dry-run</c>: the engine works on a throwaway copy of the state file (checkpoints, queue and index stay as
    /// they are) and every Salesforce write is answered by a <see cref="DryRunHandler"/> instead of the org. The real state
    /// file stays open and locked for the Lightspeed refresh token alone: Lightspeed rotates it on use, and the rotated
    /// token must outlive the dry run or the worker would be locked out.
    /// </param>
    /// <exception cref="ConfigurationProblemException">The state file cannot be opened (locked, wrong password, damaged).</exception>
    public static SyncSession Open(Setup setup, TimeProvider time, bool dryRun = false)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var settings = setup.Settings;
        var loggers = new SerilogLoggerFactory(setup.Log, dispose: true);
        StateStore? state = null;
        DryRunState? dry = null;
        try
        {
            state = StateSettings.Open(settings.State, time);
            if (dryRun)
            {
                (state, dry) = DryRunState.Open(state, settings.State, time);
            }

            // No automatic redirects: a 300 from an ambiguous upsert must reach the client, not be followed.
            var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
            var sources = settings.Accounts.Select(a => SourceConnection.Open(a, http, state, time, loggers)).ToList();
            var salesforce = new SalesforceClient(dry?.Http ?? http, settings.Salesforce, time, loggers.CreateLogger<SalesforceClient>());
            var engines = sources
                .Select(s => new AccountEngine(s.Account, new SyncEngine(s.Reader, salesforce, dry?.Copy ?? state, setup.Mappings, settings.Sync, time, loggers.CreateLogger<SyncEngine>(), settings.Matching)))
                .ToList();
            return new SyncSession(loggers, state, http, sources, salesforce, engines, dry);
        }
        catch
        {
            dry?.Dispose();
            state?.Dispose();
            loggers.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _salesforce.Dispose();
        foreach (var source in _sources)
        {
            source.Dispose();
        }

        _http.Dispose();
        _dryRun?.Dispose();
        _state.Dispose();
        _loggers.Dispose();
    }
}

/// <summary>One configured account and the engine that syncs it.</summary>
internal sealed record AccountEngine(Core.Normalization.AccountContext Account, SyncEngine Engine);
