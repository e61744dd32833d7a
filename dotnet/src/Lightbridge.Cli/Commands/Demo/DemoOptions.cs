namespace Lightbridge.Cli.Commands.Demo;

/// <summary>What <c>lightbridge demo</c> was asked for: the size of the generated account, where to write, and whether to stay up.</summary>
/// <param name="Shops">Shops of the Lightspeed account (1 to 8).</param>
/// <param name="Customers">Lightspeed customers.</param>
/// <param name="Items">Lightspeed items (at least one: sales need them).</param>
/// <param name="Sales">Lightspeed sales, refunds and voids included.</param>
/// <param name="Seed">Seed of both generated data sets: the same seed gives the same account and the same org.</param>
/// <param name="OutputFolder">Where the state file, the log and the reports go (absolute).</param>
/// <param name="KeepRunning">Whether the emulators and the worker stay up after the report, until Ctrl+C.</param>
/// <param name="MetadataFolder">The package folder the emulated org's schema is read from (absolute).</param>
internal sealed record DemoOptions(int Shops, int Customers, int Items, int Sales, int Seed, string OutputFolder, bool KeepRunning, string MetadataFolder)
{
    /// <summary>The state file the worker keeps in the output folder.</summary>
    public string StatePath => Path.Combine(OutputFolder, "state.db");

    /// <summary>The worker's log (compact JSON, masked).</summary>
    public string LogPath => Path.Combine(OutputFolder, "lightbridge-demo.log");
}
