using Lightbridge.Core.Model;
using Lightbridge.Core.Planning;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Sources;

namespace Lightbridge.Sync.Tests.Pipelines;

[TestFixture]
public sealed class ExtractWindowTests
{
    private static readonly DateTimeOffset Mark = new(2026, 9, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly CheckpointAdvancer Advancer = new(TimeSpan.FromSeconds(300));

    [Test]
    public void For_NoCheckpoint_ReadsEverythingSortedAndSkipsNothing()
    {
        var window = ExtractWindow.For(null, Advancer);

        Assert.That(window.ReadFrom, Is.Null);
        Assert.That(window.AlreadyHandled(new LightspeedId("1"), Mark), Is.False);
        Assert.That(window.Read(), Is.EqualTo(SourceRead.Changes(null, null)));
    }

    [Test]
    public void For_Checkpoint_FiltersFromWatermarkMinusOverlapInclusive()
    {
        var window = ExtractWindow.For(Checkpoint("7"), Advancer);

        Assert.That(window.ReadFrom, Is.EqualTo(Mark.AddSeconds(-300)));
        Assert.That(window.Read(), Is.EqualTo(SourceRead.Changes(Mark.AddSeconds(-300), null)));
        Assert.That(window.Read(before: Mark.AddDays(1)).IsWindow, Is.True);
    }

    [Test]
    public void For_CheckpointWithVersion_ResumesAfterIt_AndSkipsNothingAtTheWatermark()
    {
        var window = ExtractWindow.For(Checkpoint("7") with { Version = 412 }, Advancer);

        Assert.That(window.Read().AfterVersion, Is.EqualTo(412));
        Assert.That(window.AlreadyHandled(new LightspeedId("7"), Mark), Is.False, "a version cursor never re-reads a handled change");
    }

    [Test]
    public void AlreadyHandled_IdListedAtWatermarkSecond_True()
    {
        var window = ExtractWindow.For(Checkpoint("7"), Advancer);

        Assert.That(window.AlreadyHandled(new LightspeedId("7"), Mark), Is.True);
    }

    [Test]
    public void AlreadyHandled_LateArrivalInWatermarkSecond_False()
    {
        var window = ExtractWindow.For(Checkpoint("7"), Advancer);

        Assert.That(window.AlreadyHandled(new LightspeedId("8"), Mark), Is.False);
    }

    [Test]
    public void AlreadyHandled_ListedIdChangedAgainLater_False()
    {
        var window = ExtractWindow.For(Checkpoint("7"), Advancer);

        Assert.That(window.AlreadyHandled(new LightspeedId("7"), Mark.AddSeconds(1)), Is.False);
    }

    private static Checkpoint Checkpoint(params string[] ids) =>
        new("120645", "Item", Mark, ids.Select(i => new LightspeedId(i)).ToHashSet(), Mark);
}
