using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Lightbridge.Bench.Lightspeed;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Lightspeed;

namespace Lightbridge.Bench.Sync;

/// <summary>
/// Latency of <c>lightbridge run</c> (the worker, sales and customers scheduled every <see cref="PollSeconds"/> seconds)
/// while the Lightspeed emulator's traffic mode adds sales: for each sale, from its <c>completeTime</c> in Lightspeed
/// (when it appears there) to the <c>CreatedDate</c> of its <c>Lightspeed_Sale__c</c> in the org, with the real bucket on.
/// </summary>
internal static class SyncLatencyBenchmark
{
    /// <summary>The worker's schedule for sales and customers (a six-field cron, seconds first).</summary>
    public const int PollSeconds = 10;

    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(5);

    public static async Task<BenchResult> RunAsync(bool quick)
    {
        var trafficFor = TimeSpan.FromSeconds(quick ? 25 : 150);
        const double SalesPerMinute = 40;
        var schedule = $"*/{PollSeconds} * * * * *";
        await using var rig = await SyncRig.StartAsync(
            new LightspeedEmulatorOptions { Seed = 31, Shops = 3, Customers = 300, Items = 150, Sales = 200, Bucket = BucketMode.Real },
            new Dictionary<string, string> { ["Shop"] = "", ["Item"] = "", ["ItemShop"] = "", ["Customer"] = schedule, ["Sale"] = schedule });

        // The account as it stands is synced first; the worker then only follows what the traffic adds.
        var prepared = await rig.RunToEndAsync(Generous, "sync");
        if (prepared.ExitCode != 0)
        {
            // Exit 1: some records were queued. The worker retries them during the window (otherSalesCreated).
            Console.WriteLine($"lightbridge sync exited {prepared.ExitCode} before the traffic:\n{prepared.StandardOutput}");
        }

        var loadBefore = LoadAverage.OneMinute();
        var peakResident = 0L;
        var seen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var completed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        int Arrived() => completed.Keys.Count(seen.ContainsKey);
        var trafficStart = TimeProvider.System.GetUtcNow();
        await using (var worker = LightbridgeChild.Start(rig.Folder, "run", "--config", rig.ConfigPath))
        {
            rig.Lightspeed.Control.StartTraffic(SalesPerMinute, 0);
            var clock = Stopwatch.StartNew();
            using (var tick = new PeriodicTimer(TimeSpan.FromSeconds(1)))
            {
                while (clock.Elapsed < trafficFor && await tick.WaitForNextTickAsync())
                {
                    Collect(rig, trafficStart, seen);
                }
            }

            rig.Lightspeed.Control.StopTraffic();
            var added = (int)rig.Lightspeed.Control.Traffic.SalesAdded;

            // The traffic's sales are those completed since it began (the generated ones are older); every one of them
            // must reach the org, and the wait ends on that event, not on a fixed delay.
            completed = await CompletedTimesAsync(rig, trafficStart);
            if (completed.Count < added)
            {
                throw new InvalidOperationException($"Lightspeed returns {completed.Count} sales completed since the traffic began, not the {added} it added.");
            }

            var drain = Stopwatch.StartNew();
            using (var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(500)))
            {
                while (Arrived() < completed.Count && drain.Elapsed < Generous && await tick.WaitForNextTickAsync())
                {
                    Collect(rig, trafficStart, seen);
                }
            }

            if (Arrived() < completed.Count)
            {
                throw new InvalidOperationException($"Only {Arrived()} of the {completed.Count} sales completed since the traffic began reached the org within {Generous}.");
            }

            peakResident = worker.Result(-1).PeakResidentBytes;
            await worker.StopAsync(TimeSpan.FromSeconds(60));
        }

        var loadAfter = LoadAverage.OneMinute();
        var latencies = completed
            .Select(c => (seen[c.Key] - c.Value).TotalSeconds)
            .Order()
            .ToList();

        return new BenchResult(
            "sync-latency",
            new Dictionary<string, object>
            {
                ["command"] = "lightbridge run (Sync:Schedules:Sale and :Customer = " + schedule + ")",
                ["pollSeconds"] = PollSeconds,
                ["trafficSalesPerMinute"] = SalesPerMinute,
                ["trafficSeconds"] = trafficFor.TotalSeconds,
                ["lightspeedBucket"] = "real (2026 leaky bucket)",
                ["bulkProcessingTime"] = "250 ms per job",
            },
            new Dictionary<string, double>
            {
                ["sales"] = latencies.Count,

                // Sales the worker created in the window that the traffic did not add (held ones retried, say).
                ["otherSalesCreated"] = seen.Keys.Count(k => !completed.ContainsKey(k)),
                ["syncBeforeExitCode"] = prepared.ExitCode,
                ["latencyP50Seconds"] = Percentile(latencies, 0.50),
                ["latencyP95Seconds"] = Percentile(latencies, 0.95),
                ["latencyMaxSeconds"] = latencies[^1],
                ["latencyMinSeconds"] = latencies[0],
                ["targetP95Seconds"] = PollSeconds + 5,
                ["lightspeed429s"] = rig.Lightspeed.Control.GetCounters().TotalThrottled,
                ["workerPeakResidentMiB"] = peakResident / 1024.0 / 1024.0,
                ["loadAverageBefore"] = loadBefore,
                ["loadAverageAfter"] = loadAfter,
            });
    }

    /// <summary>Adds the sales created in the org since <paramref name="since"/>, with their CreatedDate; returns how many are known.</summary>
    private static int Collect(SyncRig rig, DateTimeOffset since, Dictionary<string, DateTimeOffset> seen)
    {
        var result = rig.Org.Control.Query(
            "SELECT Lightspeed_Sale_Id__c, CreatedDate FROM Lightspeed_Sale__c WHERE CreatedDate >= " + since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        foreach (var record in result["records"]!.AsArray().OfType<JsonObject>())
        {
            var key = record["Lightspeed_Sale_Id__c"]!.GetValue<string>();
            seen.TryAdd(key, SalesforceInstant(record["CreatedDate"]!.GetValue<string>()));
        }

        return seen.Count;
    }

    /// <summary>The Lightspeed <c>completeTime</c> of every sale completed since <paramref name="since"/>, by external id.</summary>
    /// <remarks>Read after the traffic stops, with the bench's own client: a few requests against the worker's bucket.</remarks>
    private static async Task<Dictionary<string, DateTimeOffset>> CompletedTimesAsync(SyncRig rig, DateTimeOffset since)
    {
        // The worker rotated the refresh token it was given; the bench asks the emulator for one of its own.
        using var http = new HttpClient();
        using var client = new LightspeedClient(
            http, LightspeedPullBenchmark.ClientOptions(rig.Lightspeed), new InMemoryLightspeedTokenStore(rig.Lightspeed.Control.IssueRefreshToken()), TimeProvider.System);
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var query = new LightspeedQuery().Where("completeTime", FilterOperator.GreaterThanOrEqual, since);
        await foreach (var sale in client.GetSalesAsync(query))
        {
            if (sale.CompletedAt is { } completedAt)
            {
                times[rig.Lightspeed.AccountId + "-" + sale.Id.Value] = completedAt;
            }
        }

        return times;
    }

    /// <summary>A Salesforce date-time (<c>2026-05-01T18:30:00.000+0000</c>).</summary>
    private static DateTimeOffset SalesforceInstant(string value) =>
        DateTimeOffset.ParseExact(value, ["yyyy-MM-dd'T'HH:mm:ss.fffzzzz", "yyyy-MM-dd'T'HH:mm:ss.fffK", "yyyy-MM-dd'T'HH:mm:ss.fff+0000"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static double Percentile(List<double> sorted, double p)
    {
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}
