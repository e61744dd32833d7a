using System.CommandLine;
using System.Globalization;
using Lightbridge.Cli.Configuration;
using Lightbridge.Core.Failures;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.Sync.Pipelines;
using Spectre.Console;

namespace Lightbridge.Cli.Commands;

/// <summary>
/// <c>lightbridge backfill --entity E --from DATE [--to DATE]</c>: loads an entity's history through Bulk API 2.0. On a
/// terminal a progress bar shows records, rate and time left; with output redirected (a log, a CI job) one plain line per
/// batch says the same. Interrupted (Ctrl+C, SIGTERM, a crash), the same command resumes from the last batch committed.
/// Exit codes as <c>sync</c>.
/// </summary>
internal static class BackfillCommand
{
    private static readonly TimeSpan MirrorTimeout = TimeSpan.FromSeconds(60);

    public static Command Create(GlobalOptions options)
    {
        var entity = new Option<SyncEntity>("--entity") { Description = "The entity to backfill.", Required = true };
        var from = new Option<string>("--from") { Description = "Start of the window (a date like 2024-01-31, or an ISO 8601 time; UTC unless an offset is given).", Required = true };
        var to = new Option<string?>("--to") { Description = "End of the window, exclusive (same formats); now when omitted." };
        var dryRun = DryRunReport.Option();
        var command = new Command("backfill", "Load an entity's history through Bulk API 2.0, resumably.") { entity, from, to, dryRun };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!TryParseInstant(parseResult.GetValue(from), out var start))
            {
                await Console.Error.WriteLineAsync($"lightbridge: --from: '{parseResult.GetValue(from)}' is not a date (2024-01-31) or an ISO 8601 time.");
                return ExitCodes.BadConfiguration;
            }

            var end = TimeProvider.System.GetUtcNow();
            if (parseResult.GetValue(to) is { } toText && !TryParseInstant(toText, out end))
            {
                await Console.Error.WriteLineAsync($"lightbridge: --to: '{toText}' is not a date (2024-01-31) or an ISO 8601 time.");
                return ExitCodes.BadConfiguration;
            }

            if (end <= start)
            {
                await Console.Error.WriteLineAsync($"lightbridge: --to ({end:O}) must be after --from ({start:O}).");
                return ExitCodes.BadConfiguration;
            }

            if (await SyncSession.ReadSettingsAsync(parseResult, options) is not { } setup)
            {
                return ExitCodes.BadConfiguration;
            }

            var settings = setup.Settings;

            var which = parseResult.GetValue(entity);
            using var shutdown = new ShutdownSignal(cancellationToken);
            try
            {
                using var session = SyncSession.Open(setup, TimeProvider.System, parseResult.GetValue(dryRun));
                if (!session.Engine.Entities.Contains(which))
                {
                    await Console.Error.WriteLineAsync($"lightbridge: --entity: {which} cannot be backfilled (the engine syncs {string.Join(", ", session.Engine.Entities)}).");
                    return ExitCodes.BadConfiguration;
                }

                var results = new List<(string Account, SyncRunResult Result)>();
                try
                {
                    // Each configured account in turn, each with its own resumable backfill checkpoint.
                    foreach (var (account, engine) in session.Engines)
                    {
                        results.Add((account.AccountId.Value, await RunWithProgressAsync(engine, which, account, start, end, shutdown.Token)));
                    }
                }
                finally
                {
                    using var mirrorTimeout = new CancellationTokenSource(MirrorTimeout);
                    if (session.DryRun is null)
                    {
                        await session.Engine.MirrorAsync(mirrorTimeout.Token);
                    }
                }

                foreach (var (account, result) in results)
                {
                    var of = session.Engines.Count > 1 ? $" ({account})" : string.Empty;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"backfill {result.Entity}{of} {result.Status}: read {result.Read}  created {result.Created}  updated {result.Updated}  failed {result.Failed}  Salesforce calls {result.SalesforceCalls}"));
                }

                DryRunReport.Write(session.DryRun);
                return results.Any(r => r.Result.Failed > 0) ? ExitCodes.RecordFailures : ExitCodes.Success;
            }
            catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync("lightbridge: backfill interrupted; run the same command again to resume from the last batch committed.");
                return ExitCodes.ExternalSystemFailure;
            }
            catch (ConfigurationProblemException ex)
            {
                await Console.Error.WriteLineAsync($"lightbridge: {ex.Message}");
                return ExitCodes.BadConfiguration;
            }
            catch (Exception ex) when (ex is LightspeedApiException or XSeries.XSeriesApiException or SalesforceApiException or HttpRequestException)
            {
                await Console.Error.WriteLineAsync($"lightbridge: the backfill stopped: {ex.Message} Run the same command again to resume.");
                return ExitCodes.ExternalSystemFailure;
            }
        });
        return command;
    }

    private static async Task<SyncRunResult> RunWithProgressAsync(
        SyncEngine engine, SyncEntity entity, Core.Normalization.AccountContext account, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var clock = new BackfillClock(TimeProvider.System);
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var lines = new InlineProgress<BackfillProgress>(p => Console.WriteLine(ProgressLine(entity, p, clock)));
            return await engine.BackfillAsync(entity, account, from, to, lines, ct);
        }

        SyncRunResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"{entity}: starting", maxValue: 100);
                var bar = new InlineProgress<BackfillProgress>(p =>
                {
                    task.Value = p.Covered * 100;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{entity}: {p.Read:N0} read, {p.Written:N0} written, {clock.Rate(p.Read):N0}/s");
                });
                result = await engine.BackfillAsync(entity, account, from, to, bar, ct);
                task.Value = 100;
            });
        return result!;
    }

    private static string ProgressLine(SyncEntity entity, BackfillProgress p, BackfillClock clock) =>
        string.Create(CultureInfo.InvariantCulture,
            $"backfill {entity}: {p.Covered:P0} of the window, read {p.Read}, written {p.Written}, failed {p.Failed}, {clock.Rate(p.Read):0}/s, about {clock.Remaining(p.Covered):hh\\:mm\\:ss} left");

    /// <summary>Dates as UTC midnight; times with their offset, or UTC without one.</summary>
    internal static bool TryParseInstant(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            instant = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
    }

    /// <summary>Rate and time left from the time elapsed since the backfill started.</summary>
    private sealed class BackfillClock(TimeProvider time)
    {
        private readonly long _started = time.GetTimestamp();

        private TimeSpan Elapsed => time.GetElapsedTime(_started);

        public double Rate(int records) => Elapsed.TotalSeconds > 0 ? records / Elapsed.TotalSeconds : 0;

        public TimeSpan Remaining(double covered) =>
            covered is > 0 and < 1 ? TimeSpan.FromSeconds(Elapsed.TotalSeconds * (1 - covered) / covered) : TimeSpan.Zero;
    }

    /// <summary>Reports on the pipeline's own thread, so lines come out in order and the bar follows each batch.</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
