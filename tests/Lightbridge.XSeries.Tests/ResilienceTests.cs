using System.Net;
using Lightbridge.XSeries.Tests.Support;
using static Lightbridge.XSeries.Tests.Support.XSeriesHarness;

namespace Lightbridge.XSeries.Tests;

/// <summary>Transient faults retried with back-off on the fake clock, a bounded number of times; other errors not at all.</summary>
public sealed class ResilienceTests
{
    [Test]
    public async Task ServerErrorThenDroppedConnection_AreRetriedWithBackOff()
    {
        var calls = 0;
        await using var harness = await StartAsync(request => Interlocked.Increment(ref calls) switch
        {
            1 => ScriptedResponse.Error(503, "<html>upstream busy</html>"),
            2 => ScriptedResponse.Drop(),
            _ => request.Param("after") is null ? Page("""{"id":"o-1","name":"Main","time_zone":"UTC","version":1}""", max: 1) : EndPage(),
        });

        var outlets = await ToListAsync(harness.Client.GetOutletsAsync());

        Assert.That(outlets, Has.Count.EqualTo(1));
        Assert.That(harness.Client.Statistics.TransientRetries, Is.EqualTo(2));
        Assert.That(harness.Time.Waits, Has.Count.EqualTo(2), "each retry waited its back-off on the clock");
        Assert.That(harness.Logger.Events.Count(e => e.Id.Name == "XSeriesTransientRetry"), Is.EqualTo(2));
    }

    [Test]
    public async Task ServerErrorThatStays_GivesUpAfterTheRetryBudget()
    {
        await using var harness = await StartAsync(_ => ScriptedResponse.Error(500, """{"error":"Internal Server Error"}"""), o => With(o, maxTransientRetries: 2));

        var ex = Assert.ThrowsAsync<XSeriesApiException>(async () => await ToListAsync(harness.Client.GetOutletsAsync()));

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(ex.IsTransient, Is.True);
        Assert.That(harness.Server.ApiRequests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task BadRequest_IsNotRetriedAndCarriesTheApiMessage()
    {
        await using var harness = await StartAsync(_ => ScriptedResponse.Error(400, """{"error":"Bad Request","message":"page_size must be at most 10000"}"""));

        var ex = Assert.ThrowsAsync<XSeriesApiException>(async () => await ToListAsync(harness.Client.GetProductsAsync(null)));

        Assert.That(ex!.ApiMessage, Is.EqualTo("page_size must be at most 10000"));
        Assert.That(ex.Endpoint, Is.EqualTo("GET /api/2.0/products"));
        Assert.That(harness.Server.ApiRequests, Has.Count.EqualTo(1));
    }
}
