using System.CommandLine;
using System.Globalization;
using System.Text;
using Lightbridge.Cli.Configuration;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.Sync.GoLive;

namespace Lightbridge.Cli.Commands;

/// <summary>
/// <c>lightbridge match-report [--out FILE]</c>: the dry run of customer matching before go-live. Writes the CSV (one
/// row per customer) and, beside it, a Markdown summary with the org's duplicate clusters; writes nothing to either
/// system and leaves the state file's checkpoints, queue and identity index alone (the state file is opened only for
/// the Lightspeed token, which rotates). Exit 0 when the files are written, 2 for bad configuration, 3 when a system
/// refused or stayed unreachable.
/// </summary>
internal static class MatchReportCommand
{
    /// <summary>The CSV written when <c>--out</c> is not given, in the working directory.</summary>
    public const string DefaultOut = "match-report.csv";

    public static Command Create(GlobalOptions options)
    {
        var output = new Option<string>("--out")
        {
            Description = "The CSV to write (default match-report.csv); the Markdown summary goes beside it with the extension .md.",
            DefaultValueFactory = _ => DefaultOut,
        };
        var command = new Command("match-report", "Show what every Lightspeed customer would match, create or be held for, writing nothing.") { output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var csvPath = Path.GetFullPath(parseResult.GetValue(output) ?? DefaultOut);
            var markdownPath = Path.ChangeExtension(csvPath, ".md");
            if (Path.GetDirectoryName(csvPath) is { } folder && !Directory.Exists(folder))
            {
                await Console.Error.WriteLineAsync($"lightbridge: --out: the folder {folder} does not exist.");
                return ExitCodes.BadConfiguration;
            }

            if (await SyncSession.ReadSettingsAsync(parseResult, options) is not { } setup)
            {
                return ExitCodes.BadConfiguration;
            }

            if (setup.Settings.RSeriesOnlyProblem("match-report") is { } problem)
            {
                await Console.Error.WriteLineAsync($"lightbridge: {problem}");
                setup.Log.Dispose();
                return ExitCodes.BadConfiguration;
            }

            using var shutdown = new ShutdownSignal(cancellationToken);
            try
            {
                using var session = SyncSession.Open(setup, TimeProvider.System);
                var settings = setup.Settings;
                var previewer = new MatchPreviewer(session.Engine.Source, session.Salesforce, setup.Mappings, settings.Sync, settings.Matching, TimeProvider.System);
                var report = await previewer.RunAsync(settings.Account, shutdown.Token);

                var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
                await using (var csv = new StreamWriter(csvPath, append: false, utf8))
                {
                    MatchReportWriter.WriteCsv(report, csv);
                }

                await using (var markdown = new StreamWriter(markdownPath, append: false, utf8))
                {
                    MatchReportWriter.WriteMarkdown(report, markdown);
                }

                var tally = report.Tally;
                var outcomes = string.Join("  ", tally.Outcomes.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Key} {o.Value}")));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"customers {tally.Customers}  {outcomes}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"writes    create {tally.Creates}  update {tally.Updates}  unchanged {tally.Unchanged}  queued {tally.Queued}  duplicate clusters in Salesforce {report.Clusters.Count}"));
                Console.WriteLine($"csv       {csvPath}");
                Console.WriteLine($"summary   {markdownPath}");
                return ExitCodes.Success;
            }
            catch (ConfigurationProblemException ex)
            {
                await Console.Error.WriteLineAsync($"lightbridge: {ex.Message}");
                return ExitCodes.BadConfiguration;
            }
            catch (Exception ex) when (ex is LightspeedApiException or SalesforceApiException or HttpRequestException)
            {
                await Console.Error.WriteLineAsync($"lightbridge: the match report stopped: {ex.Message}");
                return ExitCodes.ExternalSystemFailure;
            }
        });
        return command;
    }
}
