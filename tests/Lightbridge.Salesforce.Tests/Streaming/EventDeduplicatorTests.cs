using Lightbridge.Salesforce.Streaming;

namespace Lightbridge.Salesforce.Tests.Streaming;

[TestFixture]
public sealed class EventDeduplicatorTests
{
    [Test]
    public void IsDuplicate_AfterMarkHandled_True()
    {
        var dedupe = new EventDeduplicator(10);

        Assert.That(dedupe.IsDuplicate("a"), Is.False);
        dedupe.MarkHandled("a");
        Assert.That(dedupe.IsDuplicate("a"), Is.True);
        Assert.That(dedupe.IsDuplicate("b"), Is.False);
    }

    [Test]
    public void IsDuplicate_NoUuid_NeverDuplicate()
    {
        var dedupe = new EventDeduplicator(10);
        dedupe.MarkHandled(null);

        Assert.That(dedupe.IsDuplicate(null), Is.False);
    }

    [Test]
    public void MarkHandled_PastCapacity_ForgetsOldest()
    {
        var dedupe = new EventDeduplicator(2);
        dedupe.MarkHandled("a");
        dedupe.MarkHandled("b");
        dedupe.MarkHandled("b");
        dedupe.MarkHandled("c");

        Assert.Multiple(() =>
        {
            Assert.That(dedupe.IsDuplicate("a"), Is.False);
            Assert.That(dedupe.IsDuplicate("b"), Is.True);
            Assert.That(dedupe.IsDuplicate("c"), Is.True);
        });
    }

    [Test]
    public void Constructor_ZeroCapacity_Throws()
    {
        Assert.That(() => new EventDeduplicator(0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
