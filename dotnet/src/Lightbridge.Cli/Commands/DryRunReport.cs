using System.CommandLine;
using System.Globalization;
using Lightbridge.Salesforce.DryRun;

namespace Lightbridge.Cli.Commands;

/// <summary>The <c>--dry-run</c> option of the writing verbs and what it prints.</summary>
internal static class DryRunReport
{
    /// <summary>A new <c>--dry-run</c> option (each command owns its own instance).</summary>
    public static Option<bool> Option() => new("--dry-run")
    {
        Description = "Read both systems and decide everything as a real run would, but write nothing: print what would be written to Salesforce, per object and operation. Checkpoints, the replay queue and the identity index stay as they are.",
    };

    /// <summary>Prints the would-be writes to standard output; nothing for a real run.</summary>
    public static void Write(DryRunLedger? ledger)
    {
        if (ledger is null)
        {
            return;
        }

        Console.WriteLine("Dry run: nothing was written. Salesforce would have received:");
        foreach (var (sObject, operation, records) in ledger.Entries)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {sObject,-32} {operation,-8} {records,9}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"total",-32} {string.Empty,-8} {ledger.Total,9}"));
    }
}
