using System.CommandLine;
using Lightbridge.Emulators.Lightspeed;

namespace Lightbridge.Cli.Commands.Demo;

/// <summary>
/// <c>lightbridge demo</c>: both emulators in-process, a generated retail account and a messy org, the full sync through the
/// worker, live changes, a resync request through the platform event, an incremental pass, and the report. Exit 0 when
/// the demo ran (record failures are part of the show and are reported), 2 for bad arguments, 3 when a step failed.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(GlobalOptions globalOptions)
    {
        ArgumentNullException.ThrowIfNull(globalOptions);
        var shops = new Option<int>("--shops") { Description = "Shops of the generated Lightspeed account (1 to 8).", DefaultValueFactory = _ => 3 };
        var customers = new Option<int>("--customers") { Description = "Lightspeed customers to generate.", DefaultValueFactory = _ => 2000 };
        var items = new Option<int>("--items") { Description = "Lightspeed items to generate.", DefaultValueFactory = _ => 500 };
        var sales = new Option<int>("--sales") { Description = "Lightspeed sales to generate (refunds and voids included).", DefaultValueFactory = _ => 10_000 };
        var output = new Option<string>("--out") { Description = "Folder for the state file, the log and the report.", DefaultValueFactory = _ => "./lightbridge-demo" };
        var keepRunning = new Option<bool>("--keep-running") { Description = "Keep the emulators and the worker up after the report, until Ctrl+C." };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated account and org: the same seed gives the same data.", DefaultValueFactory = _ => 1 };
        var metadata = new Option<string?>("--metadata") { Description = "The package folder the emulated org's schema is read from (found above the working directory when omitted)." };

        var command = new Command("demo", "Sync a generated Lightspeed account into an emulated org, show what happened, and leave a report.")
        {
            shops, customers, items, sales, output, keepRunning, seed, metadata,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var problems = new List<string>();
            var shopCount = parseResult.GetValue(shops);
            if (shopCount is < 1 or > LightspeedEmulatorOptions.MaxShops)
            {
                problems.Add($"--shops: {shopCount} is outside 1–{LightspeedEmulatorOptions.MaxShops}.");
            }

            foreach (var (flag, value, least) in new[] { ("--customers", parseResult.GetValue(customers), 0), ("--items", parseResult.GetValue(items), 1), ("--sales", parseResult.GetValue(sales), 0) })
            {
                if (value < least)
                {
                    problems.Add($"{flag}: {value} is below {least}.");
                }
            }

            var metadataFolder = MetadataFolder.Find(parseResult.GetValue(metadata), problems);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync($"lightbridge: {problem}");
                }

                return ExitCodes.BadConfiguration;
            }

            var options = new DemoOptions(
                shopCount,
                parseResult.GetValue(customers),
                parseResult.GetValue(items),
                parseResult.GetValue(sales),
                parseResult.GetValue(seed),
                Path.GetFullPath(parseResult.GetValue(output)!),
                parseResult.GetValue(keepRunning),
                metadataFolder!);

            using var shutdown = new ShutdownSignal(cancellationToken);
            return await DemoRun.ExecuteAsync(options, parseResult.GetValue(globalOptions.Verbose), shutdown.Token);
        });

        return command;
    }
}
