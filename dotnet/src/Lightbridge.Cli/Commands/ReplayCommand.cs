using System.CommandLine;
using System.Globalization;
using Lightbridge.Cli.Configuration;
using Lightbridge.Core.Failures;
using Lightbridge.Core.Model;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Cli.Commands;

/// <summary>
/// <c>lightbridge replay [--entity E] [--id ID]</c>: reprocesses the replay queue. Admins' Retry and Ignore in Salesforce
/// are read first, then every pending record is read fresh from Lightspeed and pushed through its pipeline, and the
/// outcome is reported back to Salesforce. Exit 0 when every replayed record went through, 1 when some are still
/// queued, 2 for bad configuration, 3 when Lightspeed or Salesforce refused or stayed unreachable.
/// </summary>
internal static class ReplayCommand
{
    private static readonly TimeSpan MirrorTimeout = TimeSpan.FromSeconds(60);

    public static Command Create(GlobalOptions options)
    {
        var entity = new Option<SyncEntity?>("--entity") { Description = "Replay one entity's queued records only." };
        var id = new Option<string?>("--id") { Description = "Replay one Lightspeed record (its id as Lightspeed shows it, without the account)." };
        var dryRun = DryRunReport.Option();
        var command = new Command("replay", "Reprocess the records in the replay queue, reading each fresh from Lightspeed.") { entity, id, dryRun };
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
                List<SyncRunResult> results;
                using (var pullTimeout = new CancellationTokenSource(MirrorTimeout))
                {
                    // Admins' Retry and Ignore first: an error ignored in Salesforce is not replayed.
                    if (session.DryRun is null)
                    {
                        await engine.MirrorAsync(pullTimeout.Token);
                    }
                }

                try
                {
                    var requestedId = parseResult.GetValue(id) is { Length: > 0 } text ? new LightspeedId(text) : (LightspeedId?)null;
                    var all = new List<SyncRunResult>();
                    foreach (var (account, accountEngine) in session.Engines)
                    {
                        // The queue holds every account's items; each engine replays its own account's.
                        all.AddRange(await accountEngine.ReplayAsync(account, parseResult.GetValue(entity), requestedId, shutdown.Token));
                    }

                    results = all;
                }
                finally
                {
                    using var mirrorTimeout = new CancellationTokenSource(MirrorTimeout);
                    if (session.DryRun is null)
                    {
                        await engine.MirrorAsync(mirrorTimeout.Token);
                    }
                }

                if (results.Count == 0)
                {
                    Console.WriteLine("The replay queue holds nothing to replay.");
                    return ExitCodes.Success;
                }

                foreach (var result in results)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{result.Entity,-9} {result.Status,-15} replayed {result.Read,6}  created {result.Created,6}  updated {result.Updated,6}  still queued {result.Failed,6}"));
                }

                DryRunReport.Write(session.DryRun);
                return results.Any(r => r.Failed > 0) ? ExitCodes.RecordFailures : ExitCodes.Success;
            }
            catch (ConfigurationProblemException ex)
            {
                await Console.Error.WriteLineAsync($"lightbridge: {ex.Message}");
                return ExitCodes.BadConfiguration;
            }
            catch (Exception ex) when (ex is LightspeedApiException or XSeries.XSeriesApiException or SalesforceApiException or HttpRequestException)
            {
                await Console.Error.WriteLineAsync($"lightbridge: the replay stopped: {ex.Message}");
                return ExitCodes.ExternalSystemFailure;
            }
        });
        return command;
    }
}
