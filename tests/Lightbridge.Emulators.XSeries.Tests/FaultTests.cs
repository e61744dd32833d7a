namespace Lightbridge.Emulators.XSeries.Tests;

public sealed class FaultTests
{
    [Test]
    public async Task ServerErrorRateOne_EveryRequestGets5xx_AndIsCounted()
    {
        await using var s = await XSeriesSession.StartAsync();
        s.Control.SetFaults(XSeriesFaults.None with { ServerErrorRate = 1 });
        var reply = await s.GetAsync("/api/2.0/sales");
        Assert.That(reply.Status, Is.AnyOf(500, 502, 503));
        Assert.That(s.Control.GetCounters().FaultServerErrors, Is.EqualTo(1));
        s.Control.ClearFaults();
        Assert.That((await s.GetAsync("/api/2.0/sales")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task ThrottleRateOne_Gets429WithRetryAfter()
    {
        await using var s = await XSeriesSession.StartAsync();
        s.Control.SetFaults(XSeriesFaults.None with { ThrottleRate = 1 });
        var reply = await s.GetAsync("/api/2.0/customers");
        Assert.That(reply.Status, Is.EqualTo(429));
        Assert.That(reply.Header("Retry-After"), Does.EndWith("GMT"));
        Assert.That(s.Control.GetCounters().FaultThrottles, Is.EqualTo(1));
    }

    [Test]
    public async Task DroppedConnectionRateOne_ClientSeesAConnectionError()
    {
        await using var s = await XSeriesSession.StartAsync();
        s.Control.SetFaults(XSeriesFaults.None with { DroppedConnectionRate = 1 });
        Assert.ThrowsAsync<HttpRequestException>(async () => await s.Http.GetAsync("/api/2.0/products"));
        Assert.That(s.Control.GetCounters().FaultDroppedConnections, Is.EqualTo(1));
    }

    [Test]
    public async Task Latency_DelaysThenAnswers_AndIsCounted()
    {
        // Real clock: the delay is short and nothing asserts on elapsed time.
        await using var s = await XSeriesSession.StartAsync(fakeClock: false);
        s.Control.SetFaults(XSeriesFaults.None with { Latency = TimeSpan.FromMilliseconds(50) });
        Assert.That((await s.GetAsync("/api/2.0/outlets")).Status, Is.EqualTo(200));
        Assert.That(s.Control.GetCounters().FaultDelayedRequests, Is.EqualTo(1));
    }

    [Test]
    public void SetFaults_RateAboveOne_Throws()
    {
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
        {
            await using var s = await XSeriesSession.StartAsync(authorize: false);
            s.Control.SetFaults(XSeriesFaults.None with { ServerErrorRate = 1.5 });
        });
    }
}
