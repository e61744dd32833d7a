using Lightbridge.Salesforce.Limits;
using Microsoft.Extensions.Time.Testing;

namespace Lightbridge.Salesforce.Tests.Limits;

public sealed class ApiUsagePauseTests
{
    private static readonly TimeSpan Pause = TimeSpan.FromMinutes(1);

    [Test]
    public void Observe_UsageBelowThreshold_NoPause()
    {
        var time = new FakeTimeProvider();
        var pause = new ApiUsagePause(0.9, Pause, time);

        Assert.That(pause.Observe(new ApiUsage(4499, 5000), time.GetUtcNow()), Is.False);
        Assert.That(pause.DelayBefore(time.GetUtcNow()), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Observe_UsageAtThreshold_PausesForTheConfiguredTime()
    {
        var time = new FakeTimeProvider();
        var pause = new ApiUsagePause(0.9, Pause, time);

        Assert.That(pause.Observe(new ApiUsage(4500, 5000), time.GetUtcNow()), Is.True);
        Assert.That(pause.DelayBefore(time.GetUtcNow()), Is.EqualTo(Pause));
        time.Advance(TimeSpan.FromSeconds(45));
        Assert.That(pause.DelayBefore(time.GetUtcNow()), Is.EqualTo(TimeSpan.FromSeconds(15)));
    }

    [Test]
    public void Observe_PerAppUsagePastThreshold_Pauses()
    {
        var time = new FakeTimeProvider();
        var pause = new ApiUsagePause(0.9, Pause, time);
        var usage = new ApiUsage(100, 5000) { PerApp = new ApiUsage(240, 250), AppName = "lightbridge" };

        Assert.That(pause.Observe(usage, time.GetUtcNow()), Is.True);
    }

    [Test]
    public void Observe_DuringAPause_DoesNotStretchIt()
    {
        var time = new FakeTimeProvider();
        var pause = new ApiUsagePause(0.9, Pause, time);
        pause.Observe(new ApiUsage(4600, 5000), time.GetUtcNow());
        var end = pause.PausedUntil;

        time.Advance(TimeSpan.FromSeconds(30));

        Assert.That(pause.Observe(new ApiUsage(4601, 5000), time.GetUtcNow()), Is.False);
        Assert.That(pause.PausedUntil, Is.EqualTo(end));
    }

    [Test]
    public void Observe_StillPastThresholdAfterPause_StartsTheNextPause()
    {
        var time = new FakeTimeProvider();
        var pause = new ApiUsagePause(0.9, Pause, time);
        pause.Observe(new ApiUsage(4600, 5000), time.GetUtcNow());
        time.Advance(Pause);

        Assert.That(pause.Observe(new ApiUsage(4601, 5000), time.GetUtcNow()), Is.True);
        Assert.That(pause.PausedUntil, Is.EqualTo(time.GetUtcNow() + Pause));
    }

    [Test]
    public void Observe_ZeroPauseConfigured_NeverPauses()
    {
        var time = new FakeTimeProvider();
        var pause = new ApiUsagePause(0.9, TimeSpan.Zero, time);

        Assert.That(pause.Observe(new ApiUsage(5000, 5000), time.GetUtcNow()), Is.False);
    }

    [Test]
    public async Task WaitAsync_DuringPause_CompletesOnlyWhenTheClockReachesItsEnd()
    {
        var time = new FakeTimeProvider();
        var pause = new ApiUsagePause(0.9, Pause, time);
        pause.Observe(new ApiUsage(4900, 5000), time.GetUtcNow());

        var wait = pause.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.That(wait.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromSeconds(1));

        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(wait.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public void WaitAsync_NoPause_CompletesAtOnce()
    {
        var time = new FakeTimeProvider();
        var pause = new ApiUsagePause(0.9, Pause, time);

        Assert.That(pause.WaitAsync(CancellationToken.None).IsCompletedSuccessfully, Is.True);
    }
}
