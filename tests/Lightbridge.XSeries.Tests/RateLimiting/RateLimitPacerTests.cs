using Lightbridge.XSeries.RateLimiting;

namespace Lightbridge.XSeries.Tests.RateLimiting;

/// <summary>The pure pacing decision.</summary>
public sealed class RateLimitPacerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void Next_NothingReportedYet_DoesNotWait() =>
        Assert.That(Pacer().Next(Now), Is.EqualTo(TimeSpan.Zero));

    [Test]
    public void Next_MoreThanTheReserveLeft_DoesNotWait()
    {
        var pacer = Pacer();
        pacer.Report(new RateLimitStatus(350, 71, null));

        Assert.That(pacer.Next(Now), Is.EqualTo(TimeSpan.Zero));
    }

    [TestCase(70, 6_000)]   // At the reserve: the window's sustainable rate, 300 s / 350 ≈ 0.857 s.
    [TestCase(10, 6_000 * 7)]
    [TestCase(1, 420_000)] // One left: a minute, so the reserve lasts about a window.
    public void Next_InsideTheReserve_WaitsLongerTheLessIsLeft(int remaining, int expectedMsTimesSeven)
    {
        var pacer = Pacer();
        pacer.Report(new RateLimitStatus(350, remaining, null));

        var wait = pacer.Next(Now);

        Assert.That(wait.TotalMilliseconds * 7, Is.EqualTo(expectedMsTimesSeven).Within(0.01));
    }

    [Test]
    public void Next_NothingLeft_WaitsAsForTheLastOne()
    {
        var pacer = Pacer();
        pacer.Report(new RateLimitStatus(10, 0, null));

        // A reserve of 2 of 10: 300 s / 10 × 2 / 1.
        Assert.That(pacer.Next(Now), Is.EqualTo(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public void Next_ResetKnown_SpreadsTheRemainingRequestsUntilIt()
    {
        var pacer = Pacer();
        pacer.Report(new RateLimitStatus(350, 9, Now.AddSeconds(100)));

        Assert.That(pacer.Next(Now), Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void Next_CountsEachRequestLocallyBetweenResponses()
    {
        var pacer = Pacer();
        pacer.Report(new RateLimitStatus(350, 71, null));

        var first = pacer.Next(Now);
        var second = pacer.Next(Now);

        Assert.That(first, Is.EqualTo(TimeSpan.Zero));
        Assert.That(second, Is.GreaterThan(TimeSpan.Zero), "the first request used the last allowance above the reserve");
    }

    [Test]
    public void Hold_AfterA429_WaitsUntilThenAndForgetsTheSpentCounts()
    {
        var pacer = Pacer();
        pacer.Report(new RateLimitStatus(350, 0, null));
        pacer.Hold(Now.AddSeconds(30));

        Assert.That(pacer.Next(Now), Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(pacer.Next(Now.AddSeconds(30)), Is.EqualTo(TimeSpan.Zero));
    }

    private static RateLimitPacer Pacer() => new(TimeSpan.FromMinutes(5), 0.2);
}
