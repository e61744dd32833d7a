using Lightbridge.Cli.Configuration;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Cli.Commands.Demo;

/// <summary>
/// The demo's phases, in order: start the emulators, give the org its history, start the worker, full pass, live changes,
/// resync request, incremental pass, then read what the emulators counted, print the tables and write the reports.
/// </summary>
internal static class DemoRun
{
    public static async Task<int> ExecuteAsync(DemoOptions options, bool verbose, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var time = TimeProvider.System;
        var clock = new PhaseClock(time);
        try
        {
            Directory.CreateDirectory(options.OutputFolder);
            // Every demo starts a new account and a new org: a state file of an earlier demo points at records that no longer exist.
            foreach (var stale in new[] { options.StatePath, options.StatePath + ".lock", options.LogPath })
            {
                File.Delete(stale);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"lightbridge: --out: cannot write to '{options.OutputFolder}' ({ex.Message}).").ConfigureAwait(false);
            return ExitCodes.BadConfiguration;
        }

        var log = DemoLog.Create(options.LogPath, verbose);
        await using var _ = log;
        try
        {
            var emulators = await clock.TimeAsync("Starting the Lightspeed and Salesforce emulators", () => DemoEmulators.StartAsync(options, ct)).ConfigureAwait(false);
            await using (emulators.ConfigureAwait(false))
            {
                return await RunWithEmulatorsAsync(options, emulators, log, clock, time, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("lightbridge: the demo was stopped.").ConfigureAwait(false);
            return ExitCodes.ExternalSystemFailure;
        }
        catch (ConfigurationProblemException ex)
        {
            await Console.Error.WriteLineAsync($"lightbridge: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadConfiguration;
        }
        catch (Exception ex) when (ex is LightspeedApiException or SalesforceApiException or HttpRequestException or InvalidOperationException or TimeoutException or IOException)
        {
            log.Error(ex, "The demo stopped");
            await Console.Error.WriteLineAsync($"lightbridge: the demo stopped: {Logging.SensitiveText.Mask(ex.Message)} (details in {options.LogPath})").ConfigureAwait(false);
            return ExitCodes.ExternalSystemFailure;
        }
    }

    private static async Task<int> RunWithEmulatorsAsync(DemoOptions options, DemoEmulators emulators, Serilog.Core.Logger log, PhaseClock clock, TimeProvider time, CancellationToken ct)
    {
        // No automatic redirects, as the worker's own client: the demo reads the same servers.
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var (planted, customerIds) = await clock.TimeAsync("Giving the org its history: messy Contacts and Leads", () => MessyOrgSeeder.SeedAsync(emulators, options.Seed, http, ct)).ConfigureAwait(false);
        var countersBefore = await EmulatorFigures.SalesforceCountersAsync(http, emulators, ct).ConfigureAwait(false);
        var orgBefore = await EmulatorFigures.OrgCountsAsync(http, emulators, ct).ConfigureAwait(false);

        using var state = StateSettings.Open(new StateOptions { Path = options.StatePath }, time);
        var worker = await DemoWorker.StartAsync(emulators.WorkerConfiguration(options, scheduled: false), state, log, ct).ConfigureAwait(false);
        DemoFigures figures;
        await using (worker.ConfigureAwait(false))
        {
            var full = await clock.TimeAsync("Full sync through the worker", () => PassAsync(worker, ct)).ConfigureAwait(false);
            var changes = await clock.TimeAsync("Live changes in Lightspeed: new sales, an edited customer, a void", () => Task.FromResult(LiveChanges.Apply(emulators.Lightspeed.Control, customerIds, options.Seed))).ConfigureAwait(false);
            var resync = await clock.TimeAsync("An admin deletes a record and asks for a resync (platform event)", () => ResyncRequestStep.RunAsync(emulators, state, http, time, ct)).ConfigureAwait(false);
            var incremental = await clock.TimeAsync("Incremental sync through the worker", () => PassAsync(worker, ct)).ConfigureAwait(false);

            // The emulators' side, read last: nothing calls them between here and the report.
            var lightspeedCounters = await EmulatorFigures.LightspeedCountersAsync(http, emulators, ct).ConfigureAwait(false);
            var countersAfter = await EmulatorFigures.SalesforceCountersAsync(http, emulators, ct).ConfigureAwait(false);
            figures = new DemoFigures(
                planted, full, changes, resync, incremental,
                state.ReplayQueue.List(pendingOnly: true),
                worker.Lightspeed.Statistics, worker.Salesforce.Statistics,
                lightspeedCounters, countersBefore, countersAfter, orgBefore,
                await EmulatorFigures.OrgCountsAsync(http, emulators, ct).ConfigureAwait(false),
                await EmulatorFigures.LightspeedCountsAsync(http, emulators, ct).ConfigureAwait(false),
                RunSeconds(state, full.Concat(incremental)));
        }

        var report = DemoReportBuilder.Build(options, figures, clock);
        DemoTables.Print(report, options);
        await DemoReportWriter.WriteAsync(report, options, ct).ConfigureAwait(false);

        if (options.KeepRunning)
        {
            await KeepRunningAsync(options, emulators, state, log, ct).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>How long each run took, from the run log (where the worker records every run's start and end).</summary>
    private static Dictionary<string, double> RunSeconds(StateStore state, IEnumerable<SyncRunResult> results) =>
        results
            .Select(r => state.Runs.Get(r.RunId))
            .OfType<RunRecord>()
            .Where(r => r.FinishedAt is not null)
            .ToDictionary(r => r.RunId, r => Math.Round((r.FinishedAt!.Value - r.StartedAt).TotalSeconds, 2), StringComparer.Ordinal);

    /// <summary>One pass of every entity, in dependency order, through the worker's lane.</summary>
    private static async Task<IReadOnlyList<SyncRunResult>> PassAsync(DemoWorker worker, CancellationToken ct)
    {
        var results = new List<SyncRunResult>();
        foreach (var entity in worker.Runner.Entities)
        {
            results.Add(await worker.Runner.RunAsync(entity, RunTrigger.Manual, ct).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>
    /// The worker again, now on its default schedules (as <c>lightbridge run</c> starts), with the emulators, until Ctrl+C:
    /// changes made through the emulators' control surfaces reach the org within a minute.
    /// </summary>
    private static async Task KeepRunningAsync(DemoOptions options, DemoEmulators emulators, StateStore state, Serilog.Core.Logger log, CancellationToken ct)
    {
        var worker = await DemoWorker.StartAsync(emulators.WorkerConfiguration(options, scheduled: true), state, log, ct).ConfigureAwait(false);
        await using (worker.ConfigureAwait(false))
        {
            KeepRunningBanner.Print(emulators, worker, options);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping the worker and the emulators.");
            }
        }
    }
}
