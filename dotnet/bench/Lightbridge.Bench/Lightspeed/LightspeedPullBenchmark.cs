using System.Diagnostics;
using Lightbridge.Emulators.Lightspeed;
using Lightbridge.Lightspeed;

namespace Lightbridge.Bench.Lightspeed;

/// <summary>
/// Pull-and-normalize throughput: every entity of a generated account read through the real client
/// (HTTP on loopback, JSON converters, mapping to canonical records) with the bucket off, so the
/// figure measures our code and the emulator, not the rate limit.
/// </summary>
internal static class LightspeedPullBenchmark
{
    public static async Task<BenchResult> RunAsync(bool quick)
    {
        var options = new LightspeedEmulatorOptions
        {
            Seed = 5,
            Shops = 3,
            Customers = quick ? 2_000 : 10_000,
            Items = quick ? 500 : 2_000,
            Sales = quick ? 5_000 : 20_000,
            Bucket = BucketMode.Off,
        };
        await using var emulator = await LightspeedEmulator.StartAsync(options);
        using var http = new HttpClient();
        using var client = new LightspeedClient(http, ClientOptions(emulator), new InMemoryLightspeedTokenStore(emulator.InitialRefreshToken), TimeProvider.System);

        // Warm up the JIT and the connection once, outside the measurement.
        await client.GetShopsAsync().ToListAsync();

        var all = new LightspeedQuery().Archived(ArchivedFilter.Include);
        var stopwatch = Stopwatch.StartNew();
        var customers = await Count(client.GetCustomersAsync(all));
        var items = await Count(client.GetItemsAsync(all));
        var stock = await Count(client.GetItemShopsAsync());
        var sales = 0;
        var lines = 0;
        var payments = 0;
        await foreach (var sale in client.GetSalesAsync())
        {
            sales++;
            lines += sale.Lines.Count;
            payments += sale.Payments.Count;
        }

        stopwatch.Stop();
        var records = customers + items + stock + sales;
        var seconds = stopwatch.Elapsed.TotalSeconds;
        return new BenchResult(
            "lightspeed-pull",
            new Dictionary<string, object> { ["customers"] = options.Customers, ["items"] = options.Items, ["sales"] = options.Sales, ["bucket"] = "off" },
            new Dictionary<string, double>
            {
                ["records"] = records,
                ["saleLines"] = lines,
                ["salePayments"] = payments,
                ["requests"] = client.Statistics.RequestsSent,
                ["seconds"] = seconds,
                ["recordsPerSecond"] = records / seconds,
                ["salesPerSecond"] = sales / seconds,
                ["linesPerSecond"] = lines / seconds,
            });
    }

    internal static LightspeedClientOptions ClientOptions(LightspeedEmulator emulator) => new()
    {
        BaseUrl = emulator.BaseUrl,
        TokenUrl = emulator.TokenUrl,
        AccountId = emulator.AccountId,
        ClientId = emulator.ClientId,
        ClientSecret = emulator.ClientSecret,
    };

    private static async Task<int> Count<T>(IAsyncEnumerable<T> source)
    {
        var count = 0;
        await foreach (var unused in source)
        {
            count++;
        }

        return count;
    }
}
