using System.Globalization;
using System.Text.RegularExpressions;
using Lightbridge.Emulators.Lightspeed;

namespace Lightbridge.Bench.Sync;

/// <summary>
/// <c>lightbridge backfill --entity Sale</c>, the executable an operator runs, over a generated account of about
/// 100,000 sale lines (5,000 in the quick run), with the real 2026 Lightspeed bucket and the org's API allocation on,
/// through the Bulk path (batches of 10,000 sales, the default). Stores, items and customers are synced first by
/// <c>lightbridge sync</c>, outside the measurement, so every sale's parents exist.
/// </summary>
internal static partial class SyncBackfillBenchmark
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(75);

    /// <summary>Runs the backfill over about <paramref name="lines"/> sale lines (100,000 when null; 5,000 quick; 1,000,000 with <c>--million</c>).</summary>
    public static async Task<BenchResult> RunAsync(bool quick, bool million, int? lines = null)
    {
        // The generator gives a sale 1 to 5 lines (3 on average); a few sales stay open and are not read.
        var sales = lines is { } wanted ? wanted / 3 : million ? 334_000 : quick ? 1_700 : 33_400;
        var options = new LightspeedEmulatorOptions
        {
            Seed = 21,
            Shops = 3,
            Customers = quick ? 500 : 5_000,
            Items = quick ? 200 : 1_000,
            Sales = sales,
            Bucket = BucketMode.Real,
        };
        await using var rig = await SyncRig.StartAsync(options);
        foreach (var entity in new[] { "Shop", "Item", "Customer" })
        {
            await rig.RunToEndAsync(Timeout, "sync", "--entity", entity);
        }

        rig.Lightspeed.Control.ResetCounters();
        var callsBefore = rig.Org.Control.ApiCallsToday;
        var countersBefore = rig.Org.Control.Counters;
        var loadBefore = LoadAverage.OneMinute();
        var run = await rig.RunToEndAsync(Timeout, "backfill", "--entity", "Sale", "--from", "2000-01-01");
        var loadAfter = LoadAverage.OneMinute();
        var calls = rig.Org.Control.ApiCallsToday - callsBefore;
        var lightspeed = rig.Lightspeed.Control.GetCounters();
        var counters = rig.Org.Control.Counters;

        var summary = Summary().Match(run.StandardOutput);
        if (!summary.Success)
        {
            throw new InvalidOperationException("backfill printed no summary line:\n" + run.StandardOutput + run.StandardError);
        }

        var read = int.Parse(summary.Groups["read"].Value, CultureInfo.InvariantCulture);
        var failed = int.Parse(summary.Groups["failed"].Value, CultureInfo.InvariantCulture);
        var salesWritten = rig.Count("Lightspeed_Sale__c");
        var lineCount = rig.Count("Lightspeed_Sale_Line__c");
        var payments = rig.Count("Lightspeed_Payment__c");
        if (salesWritten + failed < read || salesWritten == 0)
        {
            throw new InvalidOperationException($"backfill read {read} sales, wrote {salesWritten} and queued {failed}: sales went missing.");
        }

        var records = salesWritten + lineCount + payments;
        var figures = new Dictionary<string, double>
        {
            ["salesRead"] = read,
            ["salesWritten"] = salesWritten,
            ["salesQueued"] = failed,
            ["saleLines"] = lineCount,
            ["payments"] = payments,
            ["records"] = records,
            ["seconds"] = run.Seconds,
            ["recordsPerSecond"] = records / run.Seconds,
            ["linesPerSecond"] = lineCount / run.Seconds,
            ["salesforceApiCalls"] = calls,
            ["salesforceApiCallsPer10000Receipts"] = calls * 10_000.0 / salesWritten,
            ["lightspeedRequests"] = lightspeed.TotalRequests,
            ["lightspeed429s"] = lightspeed.TotalThrottled,
            ["peakResidentMiB"] = run.PeakResidentBytes / 1024.0 / 1024.0,
            ["loadAverageBefore"] = loadBefore,
            ["loadAverageAfter"] = loadAfter,
        };

        // What the calls were, as the org counted them (a Bulk job's create, upload, close, polls and result files;
        // queries; Composite and Collections requests), so the per-10,000 figure can be read.
        foreach (var (kind, count) in counters)
        {
            var delta = count - countersBefore.GetValueOrDefault(kind);
            if (delta > 0 && !kind.StartsWith("dml.", StringComparison.Ordinal))
            {
                figures["salesforceCounter." + kind] = delta;
            }
        }

        return new BenchResult(
            "sync-backfill",
            new Dictionary<string, object>
            {
                ["command"] = "lightbridge backfill --entity Sale --from 2000-01-01",
                ["generatedSales"] = sales,
                ["lightspeedBucket"] = "real (2026 leaky bucket)",
                ["bulkProcessingTime"] = "250 ms per job",
                ["batchSize"] = 10_000,
            },
            figures);
    }

    [GeneratedRegex(@"backfill Sale \w+: read (?<read>\d+)\s.*?failed (?<failed>\d+)")]
    private static partial Regex Summary();
}
