using System.Globalization;

namespace Lightbridge.Emulators.XSeries.Tests;

public sealed class RateLimitTests
{
    [Test]
    public async Task Limit_Is300PerRegisterPlus50_InTheHeaders()
    {
        await using var s = await XSeriesSession.StartAsync(o => { o.Outlets = 2; o.RegistersPerOutlet = 2; });
        var reply = await s.GetAsync("/api/2.0/outlets");
        Assert.That(reply.Header("X-RateLimit-Limit"), Is.EqualTo("1250"));
        Assert.That(reply.Header("X-RateLimit-Remaining"), Is.EqualTo("1249"));
        Assert.That(s.Control.RateLimit, Is.EqualTo(1250));
    }

    [Test]
    public async Task Exhausted_Answers429WithBodyAndHttpDateRetryAfter_ThenOpensAfterTheWindow()
    {
        await using var s = await XSeriesSession.StartAsync(o => { o.Outlets = 1; o.RequestsPerRegister = 2; o.RequestsBase = 1; });
        for (var i = 2; i >= 0; i--)
        {
            var ok = await s.GetAsync("/api/2.0/sales?page_size=1");
            Assert.That(ok.Status, Is.EqualTo(200));
            Assert.That(ok.Header("X-RateLimit-Remaining"), Is.EqualTo(i.ToString(CultureInfo.InvariantCulture)));
        }

        var limited = await s.GetAsync("/api/2.0/sales?page_size=1");
        Assert.That(limited.Status, Is.EqualTo(429));
        Assert.That(limited.Json.GetProperty("error").GetString(), Is.EqualTo("Too Many Requests"));
        Assert.That(limited.Json.GetProperty("message").GetString(), Is.EqualTo("Rate limiting enforced"));
        Assert.That(limited.Header("X-RateLimit-Remaining"), Is.EqualTo("0"));
        var retryAfter = DateTimeOffset.ParseExact(limited.Header("Retry-After"), "r", CultureInfo.InvariantCulture);
        Assert.That(retryAfter, Is.EqualTo(XSeriesSession.FakeStart.AddMinutes(5)));
        Assert.That(s.Control.GetCounters().Throttled, Is.EqualTo(1));

        s.Clock!.Advance(TimeSpan.FromMinutes(5));
        Assert.That((await s.GetAsync("/api/2.0/sales?page_size=1")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task TimeScale_ShortensTheWindow()
    {
        await using var s = await XSeriesSession.StartAsync(o => { o.Outlets = 1; o.RequestsPerRegister = 1; o.RequestsBase = 0; o.TimeScale = 10; });
        Assert.That(s.Control.RateLimitWindow, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That((await s.GetAsync("/api/2.0/outlets")).Status, Is.EqualTo(200));
        var limited = await s.GetAsync("/api/2.0/outlets");
        Assert.That(limited.Status, Is.EqualTo(429));
        Assert.That(DateTimeOffset.ParseExact(limited.Header("Retry-After"), "r", CultureInfo.InvariantCulture), Is.EqualTo(XSeriesSession.FakeStart.AddSeconds(30)));
        s.Clock!.Advance(TimeSpan.FromSeconds(30));
        Assert.That((await s.GetAsync("/api/2.0/outlets")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task RateLimitOff_NeverThrottles()
    {
        await using var s = await XSeriesSession.StartAsync(o => { o.Outlets = 1; o.RequestsPerRegister = 1; o.RequestsBase = 0; o.RateLimit = false; });
        for (var i = 0; i < 5; i++)
        {
            Assert.That((await s.GetAsync("/api/2.0/outlets")).Status, Is.EqualTo(200));
        }
    }
}
