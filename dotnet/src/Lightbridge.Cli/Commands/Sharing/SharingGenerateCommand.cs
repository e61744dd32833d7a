using System.CommandLine;
using Lightbridge.Cli.Configuration;
using Lightbridge.Core.Sharing;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.Sync.Tokens;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;

namespace Lightbridge.Cli.Commands.Sharing;

/// <summary>
/// <c>lightbridge sharing generate --out DIR [--from salesforce|lightspeed]</c>: reads the stores and writes (or extends)
/// an SFDX source folder with one public group per store, a head-office group, and the sharing rules on
/// <c>Lightspeed_Sale__c</c> and <c>Lightspeed_Inventory__c</c>; see <see cref="SharingGenerator"/> for what a second run
/// changes. Exit 0 when done, 2 for bad arguments, settings or an output folder it cannot extend, 3 when Salesforce or
/// Lightspeed refused or stayed unreachable.
/// </summary>
internal static class SharingGenerateCommand
{
    public static Command Create(GlobalOptions options)
    {
        var output = new Option<string>("--out")
        {
            Description = "The folder to write (an SFDX source folder: main/default/groups and main/default/sharingRules). Created when absent; extended, never overwritten, when present.",
            Required = true,
        };
        var from = new Option<StoreSource>("--from")
        {
            Description = "Where to read the stores: salesforce (the synced Lightspeed_Store__c records, the default) or lightspeed (the account's shops).",
            DefaultValueFactory = _ => StoreSource.Salesforce,
        };
        var command = new Command("generate", "Write per-store public groups and criteria-based sharing rules as SFDX source.") { output, from };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var folder = new SharingFolder(parseResult.GetValue(output)!);
            if (File.Exists(folder.Root))
            {
                await Console.Error.WriteLineAsync($"lightbridge: --out: '{folder.Root}' is a file; name a folder.");
                return ExitCodes.BadConfiguration;
            }

            if (await SyncSession.ReadSettingsAsync(parseResult, options) is not { } setup)
            {
                return ExitCodes.BadConfiguration;
            }

            using var shutdown = new ShutdownSignal(cancellationToken);
            var notes = new List<string>();
            try
            {
                var stores = await ReadStoresAsync(parseResult.GetValue(from), setup, notes, shutdown.Token);
                var plan = SharingGenerator.Plan(stores, folder.Read);
                folder.Write(plan.Writes);
                foreach (var note in notes)
                {
                    await Console.Error.WriteLineAsync($"lightbridge: note: {note}");
                }

                foreach (var file in plan.Writes)
                {
                    Console.WriteLine($"{(file.Change == SharingFileChange.Created ? "created " : "extended")} {file.RelativePath}");
                }

                Console.WriteLine(
                    $"{stores.Count} stores: {plan.NewStores.Count} new{(plan.NewStores.Count > 0 ? $" ({string.Join(", ", plan.NewStores.Select(s => s.Code))})" : string.Empty)}, " +
                    $"{plan.KnownStores.Count} already in {folder.Root}");
                return ExitCodes.Success;
            }
            catch (ConfigurationProblemException ex)
            {
                await Console.Error.WriteLineAsync($"lightbridge: {ex.Message}");
                return ExitCodes.BadConfiguration;
            }
            catch (SharingFolderException ex)
            {
                await Console.Error.WriteLineAsync($"lightbridge: --out: {ex.Message}");
                return ExitCodes.BadConfiguration;
            }
            catch (Exception ex) when (ex is LightspeedApiException or SalesforceApiException or HttpRequestException)
            {
                // The message names the system and the request; it never carries a token.
                await Console.Error.WriteLineAsync($"lightbridge: could not read the stores: {ex.Message}");
                return ExitCodes.ExternalSystemFailure;
            }
            finally
            {
                await setup.Log.DisposeAsync();
            }
        });
        return command;
    }

    private static async Task<IReadOnlyList<SharedStore>> ReadStoresAsync(StoreSource source, SyncSession.Setup setup, List<string> notes, CancellationToken ct)
    {
        var settings = setup.Settings;
        var time = TimeProvider.System;
        using var loggers = new SerilogLoggerFactory(setup.Log, dispose: false);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        if (source == StoreSource.Salesforce)
        {
            using var salesforce = new SalesforceClient(http, settings.Salesforce, time, loggers.CreateLogger<SalesforceClient>());
            return await SalesforceStoreReader.ReadAsync(salesforce, notes, ct);
        }

        // The Lightspeed refresh token rotates and lives in the state file, so this reads (and locks) it as a sync does.
        using var state = StateSettings.Open(settings.State, time);
        using var lightspeed = new LightspeedClient(
            http, settings.RSeriesOnly("sharing generate --from lightspeed"), new StateLightspeedTokenStore(state.Tokens, settings.LightspeedRefreshToken), time, loggers.CreateLogger<LightspeedClient>());
        return await LightspeedStoreReader.ReadAsync(lightspeed, settings.Account.AccountId, ct);
    }
}
