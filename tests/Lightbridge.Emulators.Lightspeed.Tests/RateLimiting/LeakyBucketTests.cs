using Lightbridge.Emulators.Lightspeed.RateLimiting;

namespace Lightbridge.Emulators.Lightspeed.Tests.RateLimiting;

public sealed class LeakyBucketTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Burst limit raised so only the bucket decides in the bucket tests.
    private static readonly RateLimitSettings Bucket10 = new(true, 10, 1, 1000, TimeSpan.FromSeconds(1));

    [Test]
    public void Consume_FirstOverflowingRequest_IsAllowedThenRefused()
    {
        var bucket = new LeakyBucket();
        for (var i = 0; i < 9; i++)
        {
            Assert.That(bucket.Consume(1m, T0, Bucket10).Outcome, Is.EqualTo(RateLimitOutcome.Allowed));
        }

        var overflowing = bucket.Consume(5m, T0, Bucket10);
        Assert.That(overflowing.Outcome, Is.EqualTo(RateLimitOutcome.Allowed));
        Assert.That(overflowing.Level, Is.EqualTo(14));

        var refused = bucket.Consume(1m, T0, Bucket10);
        Assert.That(refused.Outcome, Is.EqualTo(RateLimitOutcome.LeakyBucket));
        Assert.That(refused.RetryAfterSeconds, Is.EqualTo(5), "level 14, size 10, drip 1/s: below the size after just over 4 s");
        Assert.That(refused.Level, Is.EqualTo(14), "a refused request adds nothing");
    }

    [Test]
    public void Consume_AfterDrain_AllowsAgainWithFractionalLevel()
    {
        var bucket = new LeakyBucket();
        for (var i = 0; i < 10; i++)
        {
            bucket.Consume(1m, T0, Bucket10);
        }

        Assert.That(bucket.Consume(1m, T0, Bucket10).Outcome, Is.EqualTo(RateLimitOutcome.LeakyBucket));
        var later = bucket.Consume(1.2m, T0.AddSeconds(2.5), Bucket10);
        Assert.That(later.Outcome, Is.EqualTo(RateLimitOutcome.Allowed));
        Assert.That(later.Level, Is.EqualTo(8.7).Within(1e-9));
        Assert.That(later.BucketHeader, Is.EqualTo("8.7/10"));
    }

    [Test]
    public void Consume_BurstWindowFull_RefusesUntilNextWindow()
    {
        var settings = new RateLimitSettings(true, 90, 1, 3, TimeSpan.FromSeconds(1));
        var bucket = new LeakyBucket();
        for (var i = 0; i < 3; i++)
        {
            Assert.That(bucket.Consume(1m, T0, settings).Outcome, Is.EqualTo(RateLimitOutcome.Allowed));
        }

        var refused = bucket.Consume(1m, T0.AddMilliseconds(900), settings);
        Assert.That(refused.Outcome, Is.EqualTo(RateLimitOutcome.BurstLimiter));
        Assert.That(refused.RetryAfterSeconds, Is.EqualTo(1));
        Assert.That(refused.TypeHeader, Is.EqualTo("api-burst-limiter"));
        Assert.That(bucket.Consume(1m, T0.AddSeconds(1), settings).Outcome, Is.EqualTo(RateLimitOutcome.Allowed));
    }

    [Test]
    public void Consume_Disabled_NeverRefusesAndReportsEmptyBucket()
    {
        var settings = RateLimitSettings.For(1, BucketMode.Off, 1);
        var bucket = new LeakyBucket();
        RateLimitDecision last = null!;
        for (var i = 0; i < 500; i++)
        {
            last = bucket.Consume(1m, T0, settings);
            Assert.That(last.Outcome, Is.EqualTo(RateLimitOutcome.Allowed));
        }

        Assert.That(last.BucketHeader, Is.EqualTo("0/90"));
    }

    [TestCase(1, 90, 1, 20)]
    [TestCase(3, 110, 2, 24)]
    [TestCase(6, 140, 3.5, 31)]
    public void Settings_Real_FollowTheRegisterFormula(int registers, double size, double drip, int burst)
    {
        var s = RateLimitSettings.For(registers, BucketMode.Real, 1);
        Assert.That(s.Size, Is.EqualTo(size));
        Assert.That(s.DripPerSecond, Is.EqualTo(drip));
        Assert.That(s.BurstLimit, Is.EqualTo(burst));
        Assert.That(s.BurstWindow, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Settings_Fast_ScalesDripAndBurstLimitPerRealSecond()
    {
        var s = RateLimitSettings.For(1, BucketMode.Fast, 20);
        Assert.That(s.Size, Is.EqualTo(90));
        Assert.That(s.DripPerSecond, Is.EqualTo(20));
        Assert.That(s.BurstWindow, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(s.BurstLimit, Is.EqualTo(20 * 20));
    }
}
