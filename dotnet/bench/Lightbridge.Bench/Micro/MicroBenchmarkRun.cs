using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

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
        var job = quick
            ? Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithIterationTime(TimeInterval.FromMilliseconds(200))
            : Job.ShortRun;
        var config = ManualConfig.CreateEmpty()
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance).WithId(quick ? "Quick" : "Short"))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray())
            .AddExporter(BenchmarkDotNet.Exporters.Json.JsonExporter.Full, MarkdownExporter.GitHub)
            .WithArtifactsPath(Path.Combine(outDirectory, "micro"))
            .WithOptions(ConfigOptions.DisableLogFile);

        var loadBefore = LoadAverage.OneMinute();
        var summaries = new[]
        {
            BenchmarkRunner.Run<SaleTransformBenchmarks>(config),
            BenchmarkRunner.Run<CustomerMatchBenchmarks>(config),
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
                ["job"] = quick ? "quick (1 launch, 1 warm-up, 3 iterations of ~200 ms)" : "ShortRun (1 launch, 3 warm-up, 3 iterations)",
                ["toolchain"] = "in-process",
                ["sale"] = "3 lines, 1 payment",
                ["identityIndexEntries"] = CustomerMatchBenchmarks.IndexSize,
                ["processorCount"] = Environment.ProcessorCount,
            },
            figures);
    }
}
