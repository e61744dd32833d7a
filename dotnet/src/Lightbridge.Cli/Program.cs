using System.CommandLine;
using Lightbridge.Cli.Commands;
using Lightbridge.Cli.Commands.Demo;
using Lightbridge.Cli.Commands.Sharing;

namespace Lightbridge.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = new GlobalOptions();
        var root = new RootCommand("Lightbridge keeps Salesforce in step with Lightspeed Retail (R-Series).") { options.Config, options.LogFormat, options.Verbose };
        root.Subcommands.Add(RunCommand.Create(options));
        root.Subcommands.Add(SyncCommand.Create(options));
        root.Subcommands.Add(BackfillCommand.Create(options));
        root.Subcommands.Add(ReplayCommand.Create(options));
        root.Subcommands.Add(StatusCommand.Create(options.Config));
        root.Subcommands.Add(MatchReportCommand.Create(options));
        root.Subcommands.Add(ReconcileCommand.Create(options));
        root.Subcommands.Add(SharingCommand.Create(options));
        root.Subcommands.Add(EmulateCommand.Create());
        root.Subcommands.Add(DemoCommand.Create(options));

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // The design's contract: bad arguments exit 2 with a message that names them.
            foreach (var error in parseResult.Errors)
            {
                await Console.Error.WriteLineAsync($"lightbridge: {error.Message}");
            }

            return ExitCodes.BadConfiguration;
        }

        return await parseResult.InvokeAsync();
    }
}
