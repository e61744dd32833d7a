using System.CommandLine;
using Lightbridge.Cli.Commands;

namespace Lightbridge.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var config = new Option<string?>("--config")
        {
            Description = "A settings file read after appsettings.json and instead of ./lightbridge.json.",
            Recursive = true,
        };
        var root = new RootCommand("Lightbridge keeps Salesforce in step with Lightspeed Retail (R-Series).") { config };
        root.Subcommands.Add(SyncCommand.Create(config));
        root.Subcommands.Add(BackfillCommand.Create(config));
        root.Subcommands.Add(ReplayCommand.Create(config));
        root.Subcommands.Add(StatusCommand.Create(config));
        root.Subcommands.Add(EmulateCommand.Create());

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
