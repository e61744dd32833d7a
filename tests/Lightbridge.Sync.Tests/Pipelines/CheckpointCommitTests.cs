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

    [Test]
    public void Prune_AfterACommit_KeepsOnlyWhatCanStillMoveTheCheckpoint()
    {
        List<RecordOutcome> outcomes =
        [
            Outcome("1", 0), Outcome("2", 5), Outcome("3", 5, RecordDisposition.Queued), Outcome("4", 7),
            Outcome("5", 9, RecordDisposition.Pending), Outcome("6", 9), Outcome("7", 12),
        ];

        CheckpointCommit.Prune(outcomes, T0.AddSeconds(5));

        Assert.That(outcomes.Select(o => o.Id.Value), Is.EqualTo(new[] { "4", "5" }), "at or before the watermark, and at or after the pending record, go");
    }

    [Test]
    public void Prune_ThenPlan_SameDecisionAsOverEveryOutcome()
    {
        // A run of batches: each commits, prunes, then the next batch's outcomes arrive.
        var batches = new[]
        {
            new[] { Outcome("1", 0), Outcome("2", 3), Outcome("3", 3) },
            new[] { Outcome("4", 3), Outcome("5", 6) },
            new[] { Outcome("6", 8, RecordDisposition.Pending), Outcome("7", 7), Outcome("8", 10) },
            new[] { Outcome("9", 11), Outcome("10", 7, RecordDisposition.Queued) },
        };
        var all = new List<RecordOutcome>();
        var pruned = new List<RecordOutcome>();
        DateTimeOffset? full = null;
        DateTimeOffset? lean = null;
        var leanIds = new HashSet<LightspeedId>();
        foreach (var batch in batches)
        {
            all.AddRange(batch);
            pruned.AddRange(batch);
            full = CheckpointCommit.Plan(full, all)?.Watermark ?? full;
            if (CheckpointCommit.Plan(lean, pruned) is { } update)
            {
                // The store merges the ids when the watermark stays, and replaces them when it moves.
                leanIds = update.Watermark == lean ? [.. leanIds, .. update.IdsAtWatermark] : [.. update.IdsAtWatermark];
                lean = update.Watermark;
            }

            CheckpointCommit.Prune(pruned, lean);
            Assert.That(lean, Is.EqualTo(full));
        }

        Assert.Multiple(() =>
        {
            Assert.That(lean, Is.EqualTo(T0.AddSeconds(7)));
            Assert.That(leanIds, Is.EquivalentTo(CheckpointCommit.Plan(null, all)!.IdsAtWatermark));
            Assert.That(pruned.Select(o => o.Id.Value), Is.EquivalentTo(new[] { "6" }));
        });
    }

    private static RecordOutcome Outcome(string id, int seconds, RecordDisposition disposition = RecordDisposition.Written) =>
        new(new LightspeedId(id), T0.AddSeconds(seconds), disposition);
}
