using System.CommandLine;
using System.Globalization;
using Lightbridge.Cli.Configuration;
using Lightbridge.Core.Failures;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.GoLive;
using Spectre.Console;

namespace Lightbridge.Cli.Commands;

/// <summary>
/// <c>lightbridge reconcile --from DATE --to DATE [--store S] [--heal]</c>: per store and UTC day, receipts, revenue,
/// tax and refunds in Lightspeed against Salesforce, and every sale that differs; the result also lands in Salesforce
/// (a Reconcile run and one error per difference). <c>--heal</c> resyncs exactly the sales missing or different in
/// Salesforce, then reconciles again. Exit 0 when both systems agree (after the heal), 1 when differences remain, 2 for
/// bad arguments or configuration, 3 when a system refused or stayed unreachable.
/// </summary>
internal static class ReconcileCommand
{
    /// <summary>How many differences the console lists; all of them land in Salesforce.</summary>
    private const int ListedDifferences = 50;

    public static Command Create(GlobalOptions options)
    {
        var from = new Option<string>("--from") { Description = "The first UTC day, yyyy-MM-dd.", Required = true };
        var to = new Option<string>("--to") { Description = "The last UTC day, yyyy-MM-dd, included.", Required = true };
        var store = new Option<string?>("--store") { Description = "Reconcile one store only: its Lightspeed shop id." };
        var heal = new Option<bool>("--heal") { Description = "Resync the sales missing or different in Salesforce, then reconcile again." };
        var command = new Command("reconcile", "Compare receipts, revenue, tax and refunds per store and day in both systems.") { from, to, store, heal };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (Window(parseResult.GetValue(from), parseResult.GetValue(to), parseResult.GetValue(store)) is not { } window)
            {
                return ExitCodes.BadConfiguration;
            }

            if (await SyncSession.ReadSettingsAsync(parseResult, options) is not { } setup)
            {
                return ExitCodes.BadConfiguration;
            }

            if (setup.Settings.RSeriesOnlyProblem("reconcile") is { } problem)
            {
                await Console.Error.WriteLineAsync($"lightbridge: {problem}");
                setup.Log.Dispose();
                return ExitCodes.BadConfiguration;
            }

            using var shutdown = new ShutdownSignal(cancellationToken);
            var console = ReportConsole();
            try
            {
                using var session = SyncSession.Open(setup, TimeProvider.System);
                var account = setup.Settings.Account;
                var reconciliation = new SalesReconciliation(session.Lightspeed, session.Salesforce, TimeProvider.System);
                var run = await reconciliation.CompareAsync(account, window, shutdown.Token);
                var open = await reconciliation.ReportAsync(run, shutdown.Token);
                ReconcileTableWriter.Write(console, run, ListedDifferences);
                console.WriteLine(Invariant($"Salesforce: run {run.RunId}, {open} open difference(s)."));

                if (parseResult.GetValue(heal) && run.SalesToHeal.Count > 0)
                {
                    var healed = await session.Engine.SyncRecordsAsync(SyncEntity.Sale, account, run.SalesToHeal, RunTrigger.Reconcile, shutdown.Token);
                    await session.Engine.MirrorAsync(shutdown.Token);
                    console.WriteLine(Invariant($"Heal: resynced {healed.Read} sale(s): {healed.Created} created, {healed.Updated} updated, {healed.Failed} failed (run {healed.RunId})."));
                    run = await reconciliation.CompareAsync(account, window, shutdown.Token);
                    open = await reconciliation.ReportAsync(run, shutdown.Token);
                    console.WriteLine("After the heal:");
                    ReconcileTableWriter.Write(console, run, ListedDifferences);
                    console.WriteLine(Invariant($"Salesforce: run {run.RunId}, {open} open difference(s)."));
                }

                return run.Result.IsEqual ? ExitCodes.Success : ExitCodes.RecordFailures;
            }
            catch (ConfigurationProblemException ex)
            {
                await Console.Error.WriteLineAsync($"lightbridge: {ex.Message}");
                return ExitCodes.BadConfiguration;
            }
            catch (Exception ex) when (ex is LightspeedApiException or SalesforceApiException or HttpRequestException or ReconcileReportRefusedException)
            {
                await Console.Error.WriteLineAsync($"lightbridge: the reconciliation stopped: {ex.Message}");
                return ExitCodes.ExternalSystemFailure;
            }
        });
        return command;
    }

    /// <summary>Parses and checks the window; writes the problem, naming the option, and returns null when it is bad.</summary>
    private static ReconcileWindow? Window(string? from, string? to, string? store)
    {
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            Console.Error.WriteLine($"lightbridge: --from '{from}' is not a date (yyyy-MM-dd).");
            return null;
        }

        if (!DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last))
        {
            Console.Error.WriteLine($"lightbridge: --to '{to}' is not a date (yyyy-MM-dd).");
            return null;
        }

        var window = new ReconcileWindow(first, last, string.IsNullOrWhiteSpace(store) ? null : store.Trim());
        if (window.Problem() is { } problem)
        {
            Console.Error.WriteLine($"lightbridge: {problem}");
            return null;
        }

        return window;
    }

    /// <summary>Standard output as Spectre sees it; a file or pipe gets room for the table instead of 80 columns.</summary>
    private static IAnsiConsole ReportConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }

        return console;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
