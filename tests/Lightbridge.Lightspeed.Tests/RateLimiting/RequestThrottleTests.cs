using Lightbridge.Lightspeed.RateLimiting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Lightbridge.Lightspeed.Tests.RateLimiting;

public sealed class RequestThrottleTests
{
    private FakeTimeProvider _time = null!;
    private LightspeedClientStatistics _statistics = null!;
    private RequestThrottle _throttle = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));
        _statistics = new LightspeedClientStatistics();
        _throttle = new RequestThrottle(new BucketThrottle(3), _time, _statistics, NullLogger.Instance);
    }

    [Test]
    public async Task EnterAsync_FullBucket_SleepsOnTheInjectedClockUntilThereIsRoom()
    {
        _throttle.Complete(await _throttle.EnterAsync("k", CancellationToken.None), BucketStatus.Parse("89/90", "1", "1", null));

        var entering = _throttle.EnterAsync("k", CancellationToken.None);
        Assert.That(entering.IsCompleted, Is.False);

        _time.Advance(TimeSpan.FromSeconds(2.5));
        Assert.That(entering.IsCompleted, Is.False, "89 + 1 must drain to 86 first: 3 s");

        _time.Advance(TimeSpan.FromSeconds(0.5));
        await entering;
        Assert.That(_statistics.ThrottleWaitTotal, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public async Task EnterAsync_ReportedCost_IsUsedForTheNextRequestOfThatKind()
    {
        // The first answer reports that requests of this kind cost 5 drips.
        _throttle.Complete(await _throttle.EnterAsync("sales", CancellationToken.None), BucketStatus.Parse("85/90", "1", "5", null));

        var ticket = await WithTimeAdvance(_throttle.EnterAsync("sales", CancellationToken.None));

        Assert.That(ticket.Cost, Is.EqualTo(5));
        Assert.That(_statistics.ThrottleWaitTotal, Is.EqualTo(TimeSpan.FromSeconds(3)), "85 must drain to 82 so that 82 + 5 stays at the 87 target; a cost of 1 would not wait");
    }

    [Test]
    public async Task EnterAsync_UnseenKindOfRequest_IsBookedAtTheDearestCostSeen()
    {
        _throttle.Complete(await _throttle.EnterAsync("sales", CancellationToken.None), BucketStatus.Parse("1/90", "1", "2.6", null));

        var ticket = await _throttle.EnterAsync("customers", CancellationToken.None);

        Assert.That(ticket.Cost, Is.EqualTo(2.6));
    }

    [Test]
    public async Task EnterAsync_SecondCallerBeforeFirstReport_WaitsForTheReport()
    {
        var first = await _throttle.EnterAsync("k", CancellationToken.None);
        var second = _throttle.EnterAsync("k", CancellationToken.None);
        Assert.That(second.IsCompleted, Is.False);

        _throttle.Complete(first, BucketStatus.Parse("1/90", "1", "1", null));

        var ticket = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(ticket.CostKey, Is.EqualTo("k"));
    }

    [Test]
    public async Task EnterAsync_CancelledWhileWaiting_ReleasesTheBooking()
    {
        _throttle.Complete(await _throttle.EnterAsync("k", CancellationToken.None), BucketStatus.Parse("90/90", "1", "1", null));
        using var cts = new CancellationTokenSource();

        var entering = _throttle.EnterAsync("k", cts.Token);
        await cts.CancelAsync();

        Assert.That(async () => await entering, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task RateLimited_HoldsTheNextCaller()
    {
        _throttle.Complete(await _throttle.EnterAsync("k", CancellationToken.None), BucketStatus.Parse("1/90", "1", "1", null));
        _throttle.RateLimited(TimeSpan.FromSeconds(2));

        var entering = _throttle.EnterAsync("k", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.That(entering.IsCompleted, Is.False);

        _time.Advance(TimeSpan.FromSeconds(0.1));
        await entering;
    }

    private async Task<ThrottleTicket> WithTimeAdvance(Task<ThrottleTicket> pending)
    {
        for (var i = 0; i < 600 && !pending.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        return await pending;
    }
}
