using Lightbridge.Lightspeed.RateLimiting;

namespace Lightbridge.Lightspeed.Tests.RateLimiting;

public sealed class RateLimitRejectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Parse_LeakyBucketRetryAfterSeconds_WaitsThatLong()
    {
        var rejection = RateLimitRejection.Parse("3", "api-leaky-bucket", "{}", Now);

        Assert.That(rejection.Wait, Is.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(rejection.IsBurst, Is.False);
    }

    [TestCase("0")]
    [TestCase(null)]
    public void Parse_BurstLimiter_WaitsAtLeastOneSecond(string? retryAfter)
    {
        var rejection = RateLimitRejection.Parse(retryAfter, "api-burst-limiter", null, Now);

        Assert.That(rejection.IsBurst, Is.True);
        Assert.That(rejection.Wait, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Parse_BurstNamedOnlyInMessage_IsBurst()
    {
        var rejection = RateLimitRejection.Parse("0", null, """{"message":"Burst rate limit exceeded"}""", Now);

        Assert.That(rejection.IsBurst, Is.True);
        Assert.That(rejection.Wait, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Parse_HttpDate_WaitsUntilThen()
    {
        var rejection = RateLimitRejection.Parse("Fri, 20 Mar 2026 12:00:05 GMT", null, null, Now);

        Assert.That(rejection.Wait, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }
}
