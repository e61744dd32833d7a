using System.CommandLine;

namespace Lightbridge.Cli.Commands;

/// <summary><c>lightbridge emulate lightspeed|xseries|salesforce</c>: runs one emulator as a server until stopped.</summary>
internal static class EmulateCommand
{
    public static Command Create()
    {
        var command = new Command("emulate", "Run an emulator of one of the external APIs on loopback, until stopped (Ctrl+C).");
        command.Subcommands.Add(EmulateLightspeedCommand.Create());
        command.Subcommands.Add(EmulateXSeriesCommand.Create());
        command.Subcommands.Add(EmulateSalesforceCommand.Create());
        return command;
    }
}
