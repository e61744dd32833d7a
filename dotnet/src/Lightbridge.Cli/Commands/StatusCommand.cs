using System.CommandLine;
using Lightbridge.Cli.Configuration;
using Lightbridge.Cli.Status;
using Spectre.Console;

namespace Lightbridge.Cli.Commands;

/// <summary>
/// <c>lightbridge status [--json]</c>: checkpoints and their lag, replay-queue depth by entity and error code,
/// the last run of each entity and today's API usage, read from the state file.
/// </summary>
internal static class StatusCommand
{
    /// <summary>
    /// The terminal as Spectre sees it; when the output goes to a file or a pipe there is no width to
    /// measure, and the default of 80 columns would fold the run table, so tables get room to stay whole.
    /// </summary>
    private static IAnsiConsole StatusConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }

        return console;
    }

    public static Command Create(Option<string?> config)
    {
        var json = new Option<bool>("--json") { Description = "Print the status as JSON (for monitoring scripts)." };
        var command = new Command("status", "Show checkpoints, replay-queue depth, last runs and API usage from the state file.") { json };
        command.SetAction(parseResult =>
        {
            try
            {
                var configuration = LightbridgeConfiguration.Build(parseResult.GetValue(config));
                var stateOptions = StateSettings.Read(configuration);
                if (!File.Exists(stateOptions.Path))
                {
                    throw new ConfigurationProblemException("State:Path", $"'{stateOptions.Path}' does not exist yet: no sync has written to it.");
                }

                StatusReport report;
                try
                {
                    using var state = StateSettings.Open(stateOptions, TimeProvider.System);
                    report = StatusReportBuilder.Build(state, TimeProvider.System);
                }
                catch (ConfigurationProblemException ex) when (ex.InnerException is Lightbridge.State.StateLockedException)
                {
                    // The running worker holds the file: ask it instead, on its health endpoint.
                    report = WorkerStatusClient.Fetch(configuration, ex);
                }

                if (parseResult.GetValue(json))
                {
                    Console.WriteLine(StatusJson.Serialize(report));
                }
                else
                {
                    StatusTableWriter.Write(StatusConsole(), report);
                }

                return ExitCodes.Success;
            }
            catch (ConfigurationProblemException ex)
            {
                Console.Error.WriteLine($"lightbridge: {ex.Message}");
                return ExitCodes.BadConfiguration;
            }
        });
        return command;
    }
}
