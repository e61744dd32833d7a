using Lightbridge.Core.Model;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Sync.Tests.Pipelines;

[TestFixture]
public sealed class LatestPerIdTests
{
    [Test]
    public void Select_IdReadTwice_KeepsTheLastReadInReadOrder()
    {
        var batch = new[] { ("1", "a"), ("2", "b"), ("1", "c"), ("3", "d") };

        var kept = LatestPerId.Select(batch, r => new LightspeedId(r.Item1)).Select(r => r.Item2);

        Assert.That(kept, Is.EqualTo(new[] { "b", "c", "d" }));
    }
}
