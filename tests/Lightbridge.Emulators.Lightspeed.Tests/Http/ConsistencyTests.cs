using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Lightbridge.Emulators.Lightspeed.Tests.Http;

public sealed class ConsistencyTests
{
    [Test]
    public async Task Headers_PacerReadingOnlyHeaders_NeverDrawsA429()
    {
        // A client that trusts only the headers (level/size, drip, cost, burst n/limit) must be able to avoid 429s.
        await using var s = await EmulatorSession.StartAsync(o => o.Bucket = BucketMode.Real);
        var url = $"{s.AccountPath}/Sale.json?load_relations=%5B%22SaleLines%22%2C%22SalePayments%22%5D&limit=5";
        double level = 0, size = double.MaxValue, drip = 1, cost = 1.8;
        int burst = 0, burstLimit = int.MaxValue;
        for (var i = 0; i < 400; i++)
        {
            var wait = Math.Max(0, (level + cost - size) / drip);
            if (burst >= burstLimit)
            {
                wait = Math.Max(wait, 1);
            }

            if (wait > 0)
            {
                s.Clock!.Advance(TimeSpan.FromSeconds(Math.Ceiling(wait * 1000) / 1000));
                burst = 0;
            }

            var r = await s.GetAsync(url);
            Assert.That(r.Status, Is.EqualTo(200), $"request {i}: {r.Body}");
            var bucket = r.Header("X-LS-API-Bucket-Level").Split('/');
            level = double.Parse(bucket[0], CultureInfo.InvariantCulture);
            size = double.Parse(bucket[1], CultureInfo.InvariantCulture);
            drip = double.Parse(r.Header("X-LS-Api-Drip-Rate"), CultureInfo.InvariantCulture);
            cost = double.Parse(r.Header("X-LS-Api-Request-Cost"), CultureInfo.InvariantCulture);
            var b = r.Header("X-LS-API-Burst-Level").Split('/');
            burst = int.Parse(b[0], CultureInfo.InvariantCulture);
            burstLimit = int.Parse(b[1], CultureInfo.InvariantCulture);
        }

        Assert.That(s.Emulator.Control.GetCounters().TotalThrottled, Is.Zero);
    }

    [Test]
    public async Task Refresh_EightConcurrentCallersWithOneToken_ExactlyOneWins()
    {
        await using var s = await EmulatorSession.StartAsync(authorize: false);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = s.Emulator.ClientId,
            ["client_secret"] = s.Emulator.ClientSecret,
            ["refresh_token"] = s.Emulator.InitialRefreshToken,
        };
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => s.PostTokenAsync(form)));
        Assert.That(results.Count(r => r.Status == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(results.Where(r => r.Status != HttpStatusCode.OK).Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("error").GetString()), Is.All.EqualTo("invalid_grant"));
    }

    [Test]
    public async Task Paging_WhileTrafficRuns_StaysConsistent()
    {
        await using var s = await EmulatorSession.StartAsync(o => o.Sales = 3000, fakeClock: false);
        s.Emulator.Control.StartTraffic(salesPerMinute: 6000, editsPerMinute: 6000);
        var ids = new List<int>();
        var url = $"{s.AccountPath}/Sale.json?load_relations=%5B%22SaleLines%22%2C%22SalePayments%22%2C%22Customer%22%5D";
        while (url.Length > 0)
        {
            var page = await s.GetAsync(url);
            Assert.That(page.Status, Is.EqualTo(200), page.Body);
            ids.AddRange(page.Rows("Sale").Select(r => int.Parse(r.GetProperty("saleID").GetString()!, CultureInfo.InvariantCulture)));
            url = page.Next;
        }

        s.Emulator.Control.StopTraffic();
        Assert.That(ids, Is.Unique.And.Ordered);
        Assert.That(ids.Take(3000), Is.EqualTo(Enumerable.Range(1, 3000)));
    }
}
