using System.CommandLine;
using System.Globalization;
using Lightbridge.Cli.Configuration;
using Lightbridge.Cli.Logging;
using Lightbridge.Core.Failures;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Tokens;
using Microsoft.Extensions.Logging;
using Serilog.Core;
using Serilog.Extensions.Logging;

namespace Lightbridge.Cli.Commands;

/// <summary>
/// <c>lightbridge sync [--entity E]</c>: one incremental pass, then exit. Exit 0 when every record was written,
/// 1 when some failed (all of them queued for replay), 2 for bad configuration, 3 when Lightspeed or
/// Salesforce refused or stayed unreachable.
/// </summary>
internal static class SyncCommand
{
    public static Command Create(GlobalOptions options)
    {
        var entity = new Option<SyncEntity?>("--entity") { Description = "Sync one entity only (Shop, Item, ItemShop); all of them, in dependency order, when omitted." };
        var command = new Command("sync", "Run one incremental sync pass, then exit.") { entity };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            SyncSettings settings;
            CompiledMappings mappings;
            Logger log;
            try
            {
                var configuration = LightbridgeConfiguration.Build(parseResult.GetValue(options.Config));
                settings = SettingsReader.ReadSyncSettings(configuration);
                mappings = new MappingCompiler().Compile(settings.Mapping);
                // The console log goes to stderr: stdout carries the result lines a script reads.
                log = CommandLogging.Create(configuration, parseResult, options, consoleToStandardError: true);
            }
            catch (ConfigurationProblemException ex)
            {
                await Console.Error.WriteLineAsync($"lightbridge: {ex.Message}");
                return ExitCodes.BadConfiguration;
            }
            catch (MappingConfigurationException ex)
            {
                await Console.Error.WriteLineAsync($"lightbridge: {ex.Message}");
                return ExitCodes.BadConfiguration;
            }

            using var loggerFactory = new SerilogLoggerFactory(log, dispose: true);
            using var shutdown = new ShutdownSignal(cancellationToken);
            try
            {
                using var state = StateSettings.Open(settings.State, TimeProvider.System);
                // No automatic redirects: a 300 from an ambiguous upsert must reach the client, not be followed.
                using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
                using var lightspeed = new LightspeedClient(http, settings.Lightspeed, new StateLightspeedTokenStore(state.Tokens, settings.LightspeedRefreshToken), TimeProvider.System, loggerFactory.CreateLogger<LightspeedClient>());
                using var salesforce = new SalesforceClient(http, settings.Salesforce, TimeProvider.System, loggerFactory.CreateLogger<SalesforceClient>());
                var engine = new SyncEngine(lightspeed, salesforce, state, mappings, settings.Sync, TimeProvider.System, loggerFactory.CreateLogger<SyncEngine>());

                var requested = parseResult.GetValue(entity);
                var results = requested is { } one
                    ? [await engine.RunEntityAsync(one, settings.Account, RunTrigger.Manual, shutdown.Token)]
                    : await engine.RunAsync(settings.Account, RunTrigger.Manual, shutdown.Token);

                foreach (var result in results)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{result.Entity,-9} {result.Status,-15} read {result.Read,7}  created {result.Created,7}  updated {result.Updated,7}  failed {result.Failed,6}  Lightspeed calls {result.LightspeedRequests,5}  Salesforce calls {result.SalesforceCalls,5}"));
                }

                return results.Any(r => r.Failed > 0) ? ExitCodes.RecordFailures : ExitCodes.Success;
            }
            catch (ConfigurationProblemException ex)
            {
                await Console.Error.WriteLineAsync($"lightbridge: {ex.Message}");
                return ExitCodes.BadConfiguration;
            }
            catch (Exception ex) when (ex is LightspeedApiException or SalesforceApiException or HttpRequestException)
            {
                // The message names the system and the request; it never carries a token.
                await Console.Error.WriteLineAsync($"lightbridge: the sync stopped: {ex.Message}");
                return ExitCodes.ExternalSystemFailure;
            }
        });
        return command;
    }
}
