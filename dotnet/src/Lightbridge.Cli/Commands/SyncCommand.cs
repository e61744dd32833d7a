using System.CommandLine;
using System.Globalization;
using Lightbridge.Cli.Configuration;
using Lightbridge.Core.Failures;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Cli.Commands;

/// <summary>
/// <c>lightbridge sync [--entity E]</c>: one incremental pass, then exit. Exit 0 when every record was written,
/// 1 when some failed (all of them queued for replay), 2 for bad configuration, 3 when Lightspeed or
/// Salesforce refused or stayed unreachable.
/// </summary>
internal static class SyncCommand
{
    /// <summary>How long the run report to Salesforce may take after the runs, even when a shutdown was asked for.</summary>
    private static readonly TimeSpan MirrorTimeout = TimeSpan.FromSeconds(60);

    public static Command Create(GlobalOptions options)
    {
        var entity = new Option<SyncEntity?>("--entity") { Description = "Sync one entity only (Shop, Item, ItemShop, Customer, Sale); all of them, in dependency order, when omitted." };
        var dryRun = DryRunReport.Option();
        var command = new Command("sync", "Run one incremental sync pass, then exit.") { entity, dryRun };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (await SyncSession.ReadSettingsAsync(parseResult, options) is not { } setup)
            {
                return ExitCodes.BadConfiguration;
            }

            var settings = setup.Settings;
            using var shutdown = new ShutdownSignal(cancellationToken);
            try
            {
                using var session = SyncSession.Open(setup, TimeProvider.System, parseResult.GetValue(dryRun));
                var engine = session.Engine;

                var requested = parseResult.GetValue(entity);
                var results = new List<(string Account, SyncRunResult Result)>();
                try
                {
                    // Every configured account in turn, each its own pass; they write the same org.
                    foreach (var (account, accountEngine) in session.Engines)
                    {
                        var passed = requested is { } one
                            ? [await accountEngine.RunEntityAsync(one, account, RunTrigger.Manual, shutdown.Token)]
                            : await accountEngine.RunAsync(account, RunTrigger.Manual, shutdown.Token);
                        results.AddRange(passed.Select(r => (account.AccountId.Value, r)));
                    }
                }
                finally
                {
                    // Failed and interrupted runs are reported too; a shutdown request still lets this short call finish.
                    using var mirrorTimeout = new CancellationTokenSource(MirrorTimeout);
                    if (session.DryRun is null)
                    {
                        await engine.MirrorAsync(mirrorTimeout.Token);
                    }
                }

                foreach (var (account, result) in results)
                {
                    // The account leads each line only when there are several, so a one-account deployment reads as before.
                    var prefix = session.Engines.Count > 1 ? account + " " : string.Empty;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{prefix}{result.Entity,-9} {result.Status,-15} read {result.Read,7}  created {result.Created,7}  updated {result.Updated,7}  failed {result.Failed,6}  Lightspeed calls {result.LightspeedRequests,5}  Salesforce calls {result.SalesforceCalls,5}"));
                }

                DryRunReport.Write(session.DryRun);
                return results.Any(r => r.Result.Failed > 0) ? ExitCodes.RecordFailures : ExitCodes.Success;
            }
            catch (ConfigurationProblemException ex)
            {
                await Console.Error.WriteLineAsync($"lightbridge: {ex.Message}");
                return ExitCodes.BadConfiguration;
            }
            catch (Exception ex) when (ex is LightspeedApiException or XSeries.XSeriesApiException or SalesforceApiException or HttpRequestException)
            {
                // The message names the system and the request; it never carries a token.
                await Console.Error.WriteLineAsync($"lightbridge: the sync stopped: {ex.Message}");
                return ExitCodes.ExternalSystemFailure;
            }
        });
        return command;
    }
}
