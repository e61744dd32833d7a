using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Lightbridge.Bench.Micro;

/// <summary>
/// Runs the micro benchmarks (scenario <c>micro</c>) with BenchmarkDotNet's short job (3 warm-up and 3 measured
/// iterations of about half a second, one launch) in this process, so the run takes minutes; the quick run takes one
/// warm-up and three iterations of about 200 ms. BenchmarkDotNet's own reports go under <c>{out}/micro/</c>; the figures per sale
/// (or per customer matched) come back as the scenario's JSON.
/// </summary>
internal static class MicroBenchmarkRun
{
    public static BenchResult Run(bool quick, string outDirectory)
    {
        // The quick run fixes the invocation counts (no pilot stage, no overhead runs): it has to fit, with every other
        // scenario, in three minutes. A LiteDB match takes about a thousand times a step of the sale path.
        var sales = quick
            ? Quick(invocations: 512, unroll: 16)
            : Job.ShortRun;
        var matching = quick
            ? Quick(invocations: 4, unroll: 1)
            : Job.ShortRun;
        SaleTransformBenchmarks.WarmUpTime = quick ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(2);

        var loadBefore = LoadAverage.OneMinute();
        var summaries = new[]
        {
            BenchmarkRunner.Run<SaleTransformBenchmarks>(Config(sales, quick, outDirectory)),
            BenchmarkRunner.Run<CustomerMatchBenchmarks>(Config(matching, quick, outDirectory)),
        };
        var loadAfter = LoadAverage.OneMinute();

        var figures = new Dictionary<string, double>();
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            if (report.ResultStatistics is not { } statistics)
            {
                throw new InvalidOperationException($"Benchmark {name} produced no result; see {outDirectory}/micro.");
            }

            figures[$"{name}.nanoseconds"] = statistics.Mean;
            figures[$"{name}.nanosecondsStdDev"] = statistics.StandardDeviation;
            figures[$"{name}.allocatedBytes"] = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? double.NaN;
        }

        figures["loadAverageBefore"] = loadBefore;
        figures["loadAverageAfter"] = loadAfter;
        return new BenchResult(
            "micro",
            new Dictionary<string, object>
            {
                ["job"] = quick ? "quick (1 launch, 1 warm-up, 3 iterations of 512 sales or 4 × 300 customers)" : "ShortRun (1 launch, 3 warm-up, 3 iterations)",
                ["toolchain"] = "in-process",
                ["sale"] = "3 lines, 1 payment",
                ["identityIndexEntries"] = CustomerMatchBenchmarks.IndexSize,
                ["processorCount"] = Environment.ProcessorCount,
            },
            figures);
    }

    private static Job Quick(int invocations, int unroll) =>
        Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
            .WithInvocationCount(invocations).WithUnrollFactor(unroll).WithEvaluateOverhead(false);

    private static ManualConfig Config(Job job, bool quick, string outDirectory) => ManualConfig.CreateEmpty()
        .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance).WithId(quick ? "Quick" : "Short"))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddLogger(ConsoleLogger.Default)
        .AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray())
        .AddExporter(BenchmarkDotNet.Exporters.Json.JsonExporter.Full, MarkdownExporter.GitHub)
        .WithArtifactsPath(Path.Combine(outDirectory, "micro"))
        .WithOptions(ConfigOptions.DisableLogFile);
}
