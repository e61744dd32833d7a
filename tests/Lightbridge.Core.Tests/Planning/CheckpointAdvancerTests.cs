using Lightbridge.Core.Model;
using Lightbridge.Core.Planning;

namespace Lightbridge.Core.Tests.Planning;

public sealed class CheckpointAdvancerTests
{
    private static readonly DateTimeOffset T = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static RecordOutcome Outcome(string id, DateTimeOffset at, RecordDisposition disposition = RecordDisposition.Written) =>
        new(new LightspeedId(id), at, disposition);

    [Test]
    public void Advance_AllWrittenOrQueued_NewestInstant()
    {
        var decision = CheckpointAdvancer.Advance(T, [Outcome("1", T.AddSeconds(1)), Outcome("2", T.AddSeconds(3), RecordDisposition.Queued), Outcome("3", T.AddSeconds(2))]);

        Assert.That(decision, Is.EqualTo(new CheckpointDecision(T.AddSeconds(3), true, null)));
    }

    [Test]
    public void Advance_RecordPendingAtT_CheckpointStopsBeforeT()
    {
        var decision = CheckpointAdvancer.Advance(T, [
            Outcome("1", T.AddSeconds(1)),
            Outcome("2", T.AddSeconds(2), RecordDisposition.Pending),
            Outcome("3", T.AddSeconds(3)),
        ]);

        Assert.That(decision.Watermark, Is.EqualTo(T.AddSeconds(1)));
        Assert.That(decision.HeldBy, Is.EqualTo(T.AddSeconds(2)));
    }

    [Test]
    public void Advance_SameSecondTieOnePending_InstantNotPassed()
    {
        var decision = CheckpointAdvancer.Advance(T, [
            Outcome("1", T.AddSeconds(5)),
            Outcome("2", T.AddSeconds(5), RecordDisposition.Pending),
        ]);

        Assert.That(decision.Watermark, Is.EqualTo(T));
        Assert.That(decision.Advanced, Is.False);
    }

    [Test]
    public void Advance_SameSecondTieAllWritten_CheckpointAtThatInstant()
    {
        var decision = CheckpointAdvancer.Advance(T, [Outcome("1", T.AddSeconds(5)), Outcome("2", T.AddSeconds(5))]);

        Assert.That(decision.Watermark, Is.EqualTo(T.AddSeconds(5)));
    }

    [Test]
    public void Advance_OnlyOlderRecordsFromOverlap_NeverMovesBack()
    {
        var decision = CheckpointAdvancer.Advance(T, [Outcome("1", T.AddMinutes(-3))]);

        Assert.That(decision, Is.EqualTo(new CheckpointDecision(T, false, null)));
    }

    [Test]
    public void Advance_NoOutcomes_KeepsOldWatermark()
    {
        Assert.That(CheckpointAdvancer.Advance(null, []).Watermark, Is.Null);
        Assert.That(CheckpointAdvancer.Advance(T, []).Watermark, Is.EqualTo(T));
    }

    [Test]
    public void Advance_FirstRun_StartsFromNewestSettled()
    {
        Assert.That(CheckpointAdvancer.Advance(null, [Outcome("1", T)]), Is.EqualTo(new CheckpointDecision(T, true, null)));
    }

    [Test]
    public void ReadFrom_Watermark_SubtractsOverlap()
    {
        var advancer = new CheckpointAdvancer(TimeSpan.FromMinutes(5));

        Assert.That(advancer.ReadFrom(T), Is.EqualTo(T.AddMinutes(-5)));
        Assert.That(advancer.ReadFrom(null), Is.Null);
        Assert.That(advancer.ReadFrom(DateTimeOffset.MinValue.AddMinutes(1)), Is.EqualTo(DateTimeOffset.MinValue));
    }

    [Test]
    public void Constructor_NegativeOverlap_Throws()
    {
        Assert.That(() => new CheckpointAdvancer(TimeSpan.FromSeconds(-1)), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
