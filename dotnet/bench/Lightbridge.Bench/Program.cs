using System.Globalization;
using System.Text.Json;
using Lightbridge.Bench.Lightspeed;
using Lightbridge.Bench.Micro;
using Lightbridge.Bench.Salesforce;
using Lightbridge.Bench.Sync;

namespace Lightbridge.Bench;

/// <summary>
/// Entry point of the benchmark harness. Each scenario prints a table and writes its figures as JSON
/// (to <c>--out</c>, default <c>artifacts/bench</c>), so scripts/bench.sh can collect them.
/// </summary>
internal static class Program
{
    private static readonly string[] AllScenarios = ["micro", "lightspeed-pull", "lightspeed-ceiling", "salesforce-bulk", "sync-backfill", "sync-latency", "xseries-latency"];

    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == StreamedClientRun.ChildScenario)
        {
            // The Salesforce bulk scenario runs our streamed client in a process of its own (see StreamedClientRun).
            return await StreamedClientRun.ChildAsync(args[1..]);
        }

        var quick = args.Contains("--quick");
        var million = args.Contains("--million");
        var linesArgument = args.FirstOrDefault(a => a.StartsWith("--lines=", StringComparison.Ordinal));
        int? lines = linesArgument is null ? null : int.Parse(linesArgument["--lines=".Length..], CultureInfo.InvariantCulture);
        var outIndex = Array.IndexOf(args, "--out");
        var outDirectory = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : Path.Combine("artifacts", "bench");
        Directory.CreateDirectory(outDirectory);

        var scenarios = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && a != outDirectory).ToList();
        if (scenarios.Count == 0)
        {
            scenarios = [.. AllScenarios];
        }

        foreach (var scenario in scenarios)
        {
            BenchResult result = scenario switch
            {
                "lightspeed-pull" => await LightspeedPullBenchmark.RunAsync(quick),
                "lightspeed-ceiling" => await LightspeedCeilingBenchmark.RunAsync(quick),
                "salesforce-bulk" => await SalesforceBulkBenchmark.RunAsync(quick, million),
                "micro" => MicroBenchmarkRun.Run(quick, outDirectory),
                "sync-backfill" => await SyncBackfillBenchmark.RunAsync(quick, million, lines),
                "sync-latency" => await SyncLatencyBenchmark.RunAsync(quick),
                "xseries-latency" => await XSeriesLatencyBenchmark.RunAsync(quick),
                _ => throw new ArgumentException($"Unknown scenario '{scenario}'. Known: {string.Join(", ", AllScenarios)}."),
            };

            Console.WriteLine();
            Console.WriteLine($"## {result.Scenario}");
            foreach (var (name, value) in result.Figures)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-36} {value,14:0.###}"));
            }

            var path = Path.Combine(outDirectory, $"{result.Scenario}.json");
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, BenchJson.Options));
        }

        return 0;
    }
}
