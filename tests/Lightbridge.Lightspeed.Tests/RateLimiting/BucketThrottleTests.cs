using Lightbridge.Lightspeed.RateLimiting;

namespace Lightbridge.Lightspeed.Tests.RateLimiting;

public sealed class BucketThrottleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Reserve_UnknownBucket_FirstGoesAtOnce_OthersWaitForItsReport()
    {
        var throttle = new BucketThrottle(headroom: 3);

        Assert.That(throttle.Reserve(1, T0), Is.EqualTo(TimeSpan.Zero));
        Assert.That(throttle.Reserve(1, T0), Is.Null);

        throttle.Complete(1, new BucketStatus(1, 90, 1, 1, null), T0);

        Assert.That(throttle.Reserve(1, T0), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Reserve_ServerWithoutHeaders_StopsProbingOneAtATime()
    {
        var throttle = new BucketThrottle(headroom: 3);
        throttle.Reserve(1, T0);
        throttle.Complete(1, null, T0);

        Assert.That(throttle.Reserve(1, T0), Is.EqualTo(TimeSpan.Zero));
        Assert.That(throttle.Reserve(1, T0), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Reserve_RoomInBucket_NoWait()
    {
        var throttle = Known(level: 10, size: 90, drip: 1);

        Assert.That(throttle.Reserve(1, T0), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Reserve_LevelAtTarget_WaitsForTheCostToDrain()
    {
        // size 90, headroom 3: target 87. Level 87 + cost 2 must drain 2 drips at 0.5/s = 4 s.
        var throttle = Known(level: 87, size: 90, drip: 0.5);

        Assert.That(throttle.Reserve(2, T0), Is.EqualTo(TimeSpan.FromSeconds(4)));
    }

    [Test]
    public void Reserve_LevelDrainsWithTime()
    {
        var throttle = Known(level: 87, size: 90, drip: 1);

        Assert.That(throttle.Reserve(1, T0.AddSeconds(5)), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Reserve_ConcurrentCallers_GetSuccessiveSlots()
    {
        var throttle = Known(level: 87, size: 90, drip: 1);

        var waits = Enumerable.Range(0, 4).Select(_ => throttle.Reserve(1, T0)!.Value.TotalSeconds).ToList();

        Assert.That(waits, Is.EqualTo(new[] { 1d, 2d, 3d, 4d }).Within(1e-9));
    }

    [Test]
    public void Complete_ReportResetsLevelPlusWhatIsStillInFlight()
    {
        var throttle = Known(level: 0, size: 90, drip: 1);
        throttle.Reserve(1, T0);
        throttle.Reserve(1, T0);

        throttle.Complete(1, new BucketStatus(50, 90, 1, 1, null), T0);

        Assert.That(throttle.EstimateLevel(T0), Is.EqualTo(51), "the report plus one request still in flight");
        Assert.That(throttle.EstimateLevel(T0.AddSeconds(10)), Is.EqualTo(41));
    }

    [Test]
    public void Reserve_CostAboveTarget_WaitsForAnEmptyBucket()
    {
        var throttle = Known(level: 5, size: 10, drip: 1, headroom: 3);

        Assert.That(throttle.Reserve(20, T0), Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Target_HeadroomLargerThanHalfTheBucket_KeepsHalf()
    {
        Assert.That(Known(level: 0, size: 4, drip: 1, headroom: 3).Target, Is.EqualTo(2));
        Assert.That(Known(level: 0, size: 90, drip: 1, headroom: 3).Target, Is.EqualTo(87));
    }

    [Test]
    public void RateLimited_HoldsEveryCallerUntilRetryAfter()
    {
        var throttle = Known(level: 0, size: 90, drip: 1);

        throttle.RateLimited(TimeSpan.FromSeconds(3), T0);

        Assert.That(throttle.Reserve(1, T0), Is.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(throttle.Reserve(1, T0.AddSeconds(4)), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Reserve_BurstLimitReported_SpacesSends()
    {
        var throttle = new BucketThrottle(3);
        throttle.Reserve(1, T0);
        throttle.Complete(1, new BucketStatus(1, 90, 1, 1, BurstLimit: 11), T0);

        var first = throttle.Reserve(1, T0)!.Value;
        var second = throttle.Reserve(1, T0)!.Value;

        Assert.That(second - first, Is.EqualTo(TimeSpan.FromSeconds(0.1)));
    }

    [Test]
    public void Reserve_NoDripReported_ProbesAgainLater()
    {
        var throttle = Known(level: 90, size: 90, drip: 0);

        Assert.That(throttle.Reserve(1, T0), Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    private static BucketThrottle Known(double level, double size, double drip, double headroom = 3)
    {
        var throttle = new BucketThrottle(headroom);
        throttle.Reserve(1, T0);
        throttle.Complete(1, new BucketStatus(level, size, drip, 1, null), T0);
        return throttle;
    }
}
