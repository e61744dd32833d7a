using System.Diagnostics;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Lightspeed;

namespace Lightbridge.Bench.Lightspeed;

/// <summary>
/// How close the header-driven throttle runs to the leaky bucket's ceiling: the real 2026 bucket
/// (size and drip from the register count) on a clock sped up by a known factor, pulled
/// continuously for a fixed time. Target: at least 95 % of the drip rate, zero 429s.
/// </summary>
internal static class LightspeedCeilingBenchmark
{
    public static async Task<BenchResult> RunAsync(bool quick)
    {
        const double timeScale = 10;
        var duration = TimeSpan.FromSeconds(quick ? 20 : 60);
        var options = new LightspeedEmulatorOptions
        {
            Seed = 6,
            Shops = 3,
            Customers = 3_000,
            Items = 300,
            Sales = 1_000,
            Bucket = BucketMode.Fast,
            TimeScale = timeScale,
        };
        await using var emulator = await LightspeedEmulator.StartAsync(options);
        using var http = new HttpClient();
        using var client = new LightspeedClient(http, LightspeedPullBenchmark.ClientOptions(emulator), new InMemoryLightspeedTokenStore(emulator.InitialRefreshToken), TimeProvider.System);

        var before = emulator.Control.GetCounters();
        var stopwatch = Stopwatch.StartNew();
        var records = 0;
        var query = new LightspeedQuery().Archived(ArchivedFilter.Include).Limit(20);
        while (stopwatch.Elapsed < duration)
        {
            await foreach (var unused in client.GetCustomersAsync(query))
            {
                records++;
                if (stopwatch.Elapsed >= duration)
                {
                    break;
                }
            }
        }

        stopwatch.Stop();
        var after = emulator.Control.GetCounters();
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var drips = (double)(after.TotalDrips - before.TotalDrips);
        var requests = after.TotalRequests - before.TotalRequests;
        // The 2026 model: size 90 + 10 and drip 1/s + 0.5/s per register beyond the first
        // (shared/reference/lightspeed-api.md §5); the fast clock multiplies the drip.
        var extraRegisters = Math.Max(0, emulator.Control.RegisterCount - 1);
        var bucketSize = 90 + (10 * extraRegisters);
        var dripRate = (1 + (0.5 * extraRegisters)) * timeScale;

        // The bucket starts empty, so the first `bucketSize` drips are free; what is left had to be
        // earned at the drip rate. The steady-state fraction is the one the target speaks of.
        var steadyStateFraction = (drips - bucketSize) / (dripRate * seconds);
        return new BenchResult(
            "lightspeed-ceiling",
            new Dictionary<string, object> { ["timeScale"] = timeScale, ["durationSeconds"] = duration.TotalSeconds, ["bucketSize"] = bucketSize, ["effectiveDripPerSecond"] = dripRate },
            new Dictionary<string, double>
            {
                ["requests"] = requests,
                ["drips"] = drips,
                ["records"] = records,
                ["seconds"] = seconds,
                ["requestsPerSecond"] = requests / seconds,
                ["fractionOfDripCeiling"] = steadyStateFraction,
                ["fractionIncludingInitialBucket"] = drips / (bucketSize + dripRate * seconds),
                ["rateLimited429"] = after.TotalThrottled - before.TotalThrottled,
                ["clientThrottleWaitSeconds"] = client.Statistics.ThrottleWaitTotal.TotalSeconds,
            });
    }
}
