using System.Collections.Concurrent;
using System.Globalization;
using Lightbridge.XSeries.Tests.Support;
using static Lightbridge.XSeries.Tests.Support.XSeriesHarness;

namespace Lightbridge.XSeries.Tests;

/// <summary>429s and the rate-limit headers over real HTTP, on a fake clock: waits are honoured without real sleeping.</summary>
public sealed class RateLimitTests
{
    private const string OnePage = """{"id":"o-1","name":"Main","time_zone":"UTC","version":1}""";

    [Test]
    public async Task TooManyRequests_WithAnHttpDateRetryAfter_WaitsUntilThatInstantThenRetries()
    {
        var arrivals = new ConcurrentQueue<DateTimeOffset>();
        XSeriesHarness? harness = null;
        harness = await StartAsync(request =>
        {
            arrivals.Enqueue(harness!.Time.GetUtcNow());
            return arrivals.Count == 1
                ? ScriptedResponse.Error(429, """{"error":"Too Many Requests","message":"Rate limiting enforced"}""",
                    ("Retry-After", Start.AddSeconds(30).ToString("r", CultureInfo.InvariantCulture)), ("X-RateLimit-Limit", "350"), ("X-RateLimit-Remaining", "0"))
                : Outlets(request);
        }, o => With(o, maxTransientRetries: 0));
        await using var _ = harness;

        var outlets = await ToListAsync(harness.Client.GetOutletsAsync());

        Assert.That(outlets, Has.Count.EqualTo(1));
        Assert.That(arrivals.ElementAt(1), Is.EqualTo(Start.AddSeconds(30)), "the retry went out exactly when Retry-After said");
        Assert.That(harness.Time.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(30) }));
        Assert.That(harness.Client.Statistics.RateLimitedResponses, Is.EqualTo(1));
        Assert.That(harness.Client.Statistics.ThrottleWaitTotal, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(harness.Client.Statistics.TransientRetries, Is.Zero);
    }

    [Test]
    public async Task TooManyRequests_WithRetryAfterInSeconds_IsHonouredToo()
    {
        var calls = 0;
        await using var harness = await StartAsync(request => Interlocked.Increment(ref calls) == 1
            ? ScriptedResponse.Error(429, """{"error":"Too Many Requests"}""", ("Retry-After", "12"))
            : Outlets(request));

        await ToListAsync(harness.Client.GetOutletsAsync());

        Assert.That(harness.Time.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(12) }));
    }

    [Test]
    public async Task TooManyRequests_Persisting_GivesUpAfterTheBudgetWithARateLimitError()
    {
        await using var harness = await StartAsync(
            _ => ScriptedResponse.Error(429, """{"error":"Too Many Requests","message":"Rate limiting enforced"}""", ("Retry-After", "60")),
            o => With(o, maxRateLimitedRetries: 2));

        var ex = Assert.ThrowsAsync<XSeriesRateLimitedException>(async () => await ToListAsync(harness.Client.GetOutletsAsync()));

        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(ex.ApiMessage, Is.EqualTo("Rate limiting enforced"));
        Assert.That(harness.Server.ApiRequests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task RemainingFallsIntoTheReserve_NextRequestIsSpacedOut()
    {
        await using var harness = await StartAsync(request => request.Param("after") switch
        {
            null => Page(OnePage, max: 1, headers: [("X-RateLimit-Limit", "350"), ("X-RateLimit-Remaining", "300")]),
            "1" => Page("""{"id":"o-2","name":"Second","time_zone":"UTC","version":2}""", max: 2, headers: [("X-RateLimit-Limit", "350"), ("X-RateLimit-Remaining", "10")]),
            _ => ScriptedResponse.Json("""{"data":[]}""", ("X-RateLimit-Limit", "350"), ("X-RateLimit-Remaining", "9")),
        });

        var outlets = await ToListAsync(harness.Client.GetOutletsAsync());

        // 300 left: no wait. 10 left of a 70-request reserve: 5 min / 350 × 70 / 10 = 6 s before the third request.
        Assert.That(outlets, Has.Count.EqualTo(2));
        Assert.That(harness.Time.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(6) }));
        Assert.That(harness.Client.Statistics.ThrottleWaitTotal, Is.EqualTo(TimeSpan.FromSeconds(6)));
        Assert.That(harness.Client.Statistics.LastRateLimit, Is.EqualTo((350, 9)));
        Assert.That(harness.Client.Statistics.RateLimitedResponses, Is.Zero);
    }

    private static ScriptedResponse Outlets(ScriptedRequest request) => request.Param("after") is null ? Page(OnePage, max: 1) : EndPage();
}
