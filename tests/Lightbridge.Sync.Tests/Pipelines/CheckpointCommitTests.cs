using Lightbridge.Core.Model;
using Lightbridge.Core.Planning;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Sync.Tests.Pipelines;

[TestFixture]
public sealed class CheckpointCommitTests
{
    private static readonly DateTimeOffset T0 = new(2026, 9, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Plan_NoCheckpointNothingSettled_Null()
    {
        Assert.That(CheckpointCommit.Plan(null, [Outcome("1", 0, RecordDisposition.Pending)]), Is.Null);
    }

    [Test]
    public void Plan_AllSettled_AdvancesToNewestWithItsIds()
    {
        var update = CheckpointCommit.Plan(null, [Outcome("1", 0), Outcome("2", 5), Outcome("3", 5, RecordDisposition.Queued)]);

        Assert.That(update!.Watermark, Is.EqualTo(T0.AddSeconds(5)));
        Assert.That(update.IdsAtWatermark, Is.EquivalentTo(new[] { new LightspeedId("2"), new LightspeedId("3") }));
        Assert.That(update.Advanced, Is.True);
    }

    [Test]
    public void Plan_PendingRecord_StopsBeforeItsSecond()
    {
        var update = CheckpointCommit.Plan(null, [Outcome("1", 0), Outcome("2", 5), Outcome("3", 5, RecordDisposition.Pending), Outcome("4", 9)]);

        Assert.That(update!.Watermark, Is.EqualTo(T0));
        Assert.That(update.IdsAtWatermark, Is.EqualTo(new[] { new LightspeedId("1") }));
        Assert.That(update.HeldBy, Is.EqualTo(T0.AddSeconds(5)));
    }

    [Test]
    public void Plan_LateArrivalAtStoredWatermark_KeepsWatermarkAndAddsTheId()
    {
        var update = CheckpointCommit.Plan(T0, [Outcome("9", 0)]);

        Assert.That(update!.Watermark, Is.EqualTo(T0));
        Assert.That(update.Advanced, Is.False);
        Assert.That(update.IdsAtWatermark, Is.EqualTo(new[] { new LightspeedId("9") }));
    }

    [Test]
    public void Plan_SameIdTwice_ListedOnce()
    {
        var update = CheckpointCommit.Plan(null, [Outcome("1", 3), Outcome("1", 3)]);

        Assert.That(update!.IdsAtWatermark, Has.Count.EqualTo(1));
    }

    private static RecordOutcome Outcome(string id, int seconds, RecordDisposition disposition = RecordDisposition.Written) =>
        new(new LightspeedId(id), T0.AddSeconds(seconds), disposition);
}
