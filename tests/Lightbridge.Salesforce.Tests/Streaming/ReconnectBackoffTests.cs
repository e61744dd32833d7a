using Lightbridge.Salesforce.Streaming;

namespace Lightbridge.Salesforce.Tests.Streaming;

[TestFixture]
public sealed class ReconnectBackoffTests
{
    [Test]
    public void Next_Failures_GrowWithinJitterBandUpToMax()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), new Random(42));

        var delays = Enumerable.Range(0, 6).Select(_ => backoff.Next()).ToList();
        var steps = new[] { 1, 2, 4, 8, 8, 8 };

        for (var i = 0; i < steps.Length; i++)
        {
            Assert.That(delays[i], Is.InRange(TimeSpan.FromSeconds(steps[i] / 2.0), TimeSpan.FromSeconds(steps[i])), $"attempt {i}");
        }
    }

    [Test]
    public void Reset_AfterFailures_StartsOver()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(1));
        for (var i = 0; i < 5; i++)
        {
            backoff.Next();
        }

        backoff.Reset();

        Assert.That(backoff.Next(), Is.LessThanOrEqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Next_ManyFailures_NoOverflow()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), new Random(3));
        var last = TimeSpan.Zero;
        for (var i = 0; i < 100; i++)
        {
            last = backoff.Next();
        }

        Assert.That(last, Is.InRange(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1)));
    }
}
