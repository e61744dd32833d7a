using System.CommandLine;

namespace Lightbridge.Cli.Commands.Sharing;

/// <summary><c>lightbridge sharing …</c>: store-level access in Salesforce.</summary>
internal static class SharingCommand
{
    public static Command Create(GlobalOptions options)
    {
        var command = new Command("sharing", "Store-level access in Salesforce: per-store public groups and sharing rules.");
        command.Subcommands.Add(SharingGenerateCommand.Create(options));
        return command;
    }
}
