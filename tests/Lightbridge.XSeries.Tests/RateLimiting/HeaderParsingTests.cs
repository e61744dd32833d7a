using Lightbridge.XSeries.RateLimiting;

namespace Lightbridge.XSeries.Tests.RateLimiting;

/// <summary><c>Retry-After</c> and <c>X-RateLimit-*</c> parsed from strings.</summary>
public sealed class HeaderParsingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);

    [TestCase("Tue, 03 Mar 2026 10:00:30 GMT", 30)]
    [TestCase("Tue, 03 Mar 2026 09:59:00 GMT", 0)]
    [TestCase("45", 45)]
    [TestCase(" 2.5 ", 2.5)]
    [TestCase("-3", 0)]
    public void RetryAfter_DateOrSeconds_GivesTheWait(string header, double seconds) =>
        Assert.That(RetryAfter.Parse(header, Now), Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("soon")]
    public void RetryAfter_Unreadable_IsNull(string? header) =>
        Assert.That(RetryAfter.Parse(header, Now), Is.Null);

    [Test]
    public void RateLimitStatus_BothCounts_AreRead() =>
        Assert.That(RateLimitStatus.Parse("350", "12", null, Now), Is.EqualTo(new RateLimitStatus(350, 12, null)));

    [TestCase("1772532060", "2026-03-03T10:01:00+00:00")]
    [TestCase("60", "2026-03-03T10:01:00+00:00")]
    [TestCase("Tue, 03 Mar 2026 10:01:00 GMT", "2026-03-03T10:01:00+00:00")]
    public void RateLimitStatus_Reset_UnixSecondsOrDate(string reset, string expected) =>
        Assert.That(RateLimitStatus.Parse("350", "12", reset, Now)!.Value.ResetsAt, Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));

    [TestCase(null, "5")]
    [TestCase("350", null)]
    [TestCase("0", "0")]
    [TestCase("lots", "5")]
    public void RateLimitStatus_MissingOrUnreadable_IsNull(string? limit, string? remaining) =>
        Assert.That(RateLimitStatus.Parse(limit, remaining, null, Now), Is.Null);
}
