using System.Globalization;

namespace Lightbridge.Emulators.Lightspeed.Tests.Http;

public sealed class RateLimitTests
{
    private static double Level(ApiResponse r) => double.Parse(r.Header("X-LS-API-Bucket-Level").Split('/')[0], CultureInfo.InvariantCulture);

    [Test]
    public async Task Headers_OnEveryResponse_ReportStateCostAndAccount()
    {
        await using var s = await EmulatorSession.StartAsync(o => { o.Bucket = BucketMode.Real; o.Shops = 1; });
        var registers = s.Emulator.Control.RegisterCount;
        var size = 90 + (10 * (registers - 1));
        var r = await s.GetAsync($"{s.AccountPath}/Sale.json?load_relations=%5B%22SaleLines%22%5D");
        Assert.That(r.Header("X-LS-API-Bucket-Level"), Is.EqualTo($"1.4/{size}"));
        Assert.That(r.Header("X-LS-API-Burst-Level"), Is.EqualTo($"1/{size * 2 / 9}"));
        Assert.That(r.Header("X-LS-Api-Drip-Rate"), Is.EqualTo((1 + (0.5 * (registers - 1))).ToString(CultureInfo.InvariantCulture)));
        Assert.That(r.Header("X-LS-Api-Request-Cost"), Is.EqualTo("1.4"));
        Assert.That(r.Header("X-LS-Acct-Id"), Is.EqualTo(s.Emulator.AccountId));

        var notFound = await s.GetAsync($"{s.AccountPath}/Customer/999999.json");
        Assert.That(notFound.Header("X-LS-API-Bucket-Level"), Is.EqualTo($"2.4/{size}"), "errors carry the headers too");

        s.Clock!.Advance(TimeSpan.FromSeconds(0.5));
        var drained = await s.GetAsync("/API/V3/Account.json");
        Assert.That(Level(drained), Is.EqualTo(2.4 - (0.5 * (1 + (0.5 * (registers - 1)))) + 1).Within(1e-9), "fractional level after draining");
    }

    [Test]
    public async Task Bucket_Overflow_Returns429WithRetryAfterThenRecovers()
    {
        await using var s = await EmulatorSession.StartAsync(o => { o.Bucket = BucketMode.Real; o.Shops = 1; });
        var size = 90 + (10 * (s.Emulator.Control.RegisterCount - 1));
        ApiResponse? refused = null;
        for (var i = 0; i < 400 && refused is null; i++)
        {
            // Stay under the burst limiter: a new 1-second window every 10 requests.
            if (i % 10 == 9)
            {
                s.Clock!.Advance(TimeSpan.FromSeconds(1));
            }

            var r = await s.GetAsync($"{s.AccountPath}/Customer.json?limit=1");
            if (r.Status == 429)
            {
                refused = r;
            }
            else
            {
                Assert.That(r.Status, Is.EqualTo(200));
            }
        }

        Assert.That(refused, Is.Not.Null);
        Assert.That(refused!.Header("X-LS-API-RateLimit-Type"), Is.EqualTo("api-leaky-bucket"));
        Assert.That(Level(refused), Is.GreaterThanOrEqualTo(size));
        var retryAfter = int.Parse(refused.Header("Retry-After"), CultureInfo.InvariantCulture);
        Assert.That(retryAfter, Is.GreaterThanOrEqualTo(1));
        Assert.That(refused.Json.GetProperty("httpCode").GetString(), Is.EqualTo("429"));
        Assert.That((await s.GetAsync($"{s.AccountPath}/Customer.json?limit=1")).Status, Is.EqualTo(429), "still refused until the level drops");

        s.Clock!.Advance(TimeSpan.FromSeconds(retryAfter));
        Assert.That((await s.GetAsync($"{s.AccountPath}/Customer.json?limit=1")).Status, Is.EqualTo(200));
        var counters = s.Emulator.Control.GetCounters();
        Assert.That(counters.Endpoints["Customer"].Throttled, Is.EqualTo(2));
        Assert.That(counters.TotalThrottled, Is.EqualTo(2));
    }

    [Test]
    public async Task Burst_TooManyInOneWindow_Returns429BurstLimiter()
    {
        await using var s = await EmulatorSession.StartAsync(o => { o.Bucket = BucketMode.Real; o.Shops = 1; });
        var burst = (90 + (10 * (s.Emulator.Control.RegisterCount - 1))) * 2 / 9;
        for (var i = 0; i < burst; i++)
        {
            Assert.That((await s.GetAsync("/API/V3/Account.json")).Status, Is.EqualTo(200));
        }

        var refused = await s.GetAsync("/API/V3/Account.json");
        Assert.That(refused.Status, Is.EqualTo(429));
        Assert.That(refused.Header("X-LS-API-RateLimit-Type"), Is.EqualTo("api-burst-limiter"));
        Assert.That(refused.Header("Retry-After"), Is.EqualTo("1"));
        Assert.That(refused.Json.GetProperty("message").GetString(), Does.Contain("Burst rate limit exceeded"));
        s.Clock!.Advance(TimeSpan.FromSeconds(1));
        Assert.That((await s.GetAsync("/API/V3/Account.json")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Fast_ReportsScaledDripRate()
    {
        await using var s = await EmulatorSession.StartAsync(o => { o.Bucket = BucketMode.Fast; o.Shops = 1; });
        var drip = (1 + (0.5 * (s.Emulator.Control.RegisterCount - 1))) * 20;
        var r = await s.GetAsync("/API/V3/Account.json");
        Assert.That(double.Parse(r.Header("X-LS-Api-Drip-Rate"), CultureInfo.InvariantCulture), Is.EqualTo(drip));
    }

    [Test]
    public async Task Off_NeverThrottlesButSendsHeaders()
    {
        await using var s = await EmulatorSession.StartAsync(o => o.Bucket = BucketMode.Off);
        for (var i = 0; i < 150; i++)
        {
            var r = await s.GetAsync("/API/V3/Account.json");
            Assert.That(r.Status, Is.EqualTo(200));
            Assert.That(r.Header("X-LS-API-Bucket-Level"), Does.StartWith("0/"));
        }

        Assert.That(s.Emulator.Control.GetCounters().TotalDrips, Is.EqualTo(150m));
    }
}
