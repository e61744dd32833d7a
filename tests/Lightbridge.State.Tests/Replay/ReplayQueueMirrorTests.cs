using Lightbridge.Core.Model;

namespace Lightbridge.State.Tests.Replay;

/// <summary>Which queue items still have to be written to <c>Lightspeed_Sync_Error__c</c>, and admin statuses coming back.</summary>
public sealed class ReplayQueueMirrorTests
{
    private TempStateFolder _folder = null!;
    private StateStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempStateFolder();
        _store = _folder.Open();
    }

    [TearDown]
    public void TearDown()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    private ReplayQueue Queue => _store.ReplayQueue;

    private static ReplayFailure Failure(string id, string run = "run-1") =>
        new("123", "Sale", new LightspeedId(id), "SaleNeedsShop", "Sale 123-" + id + " has no shop.", "shopID", null, run);

    [Test]
    public void PendingMirror_NewFailures_AllPendingOldestFirst()
    {
        Queue.Record(Failure("2"));
        _folder.Time.Advance(TimeSpan.FromSeconds(1));
        Queue.Record(Failure("1"));

        Assert.That(Queue.PendingMirror(10).Select(i => i.LightspeedId.Value), Is.EqualTo(new[] { "2", "1" }));
        Assert.That(Queue.PendingMirror(1), Has.Count.EqualTo(1));
    }

    [Test]
    public void MarkMirrored_ThenUnchanged_NothingPending()
    {
        Queue.Record(Failure("1"));

        Assert.That(Queue.MarkMirrored(Queue.PendingMirror(10)), Is.EqualTo(1));
        Assert.That(Queue.PendingMirror(10), Is.Empty);
    }

    [Test]
    public void MarkMirrored_ItemChangedSinceRead_StaysPending()
    {
        Queue.Record(Failure("1"));
        var read = Queue.PendingMirror(10);
        _folder.Time.Advance(TimeSpan.FromSeconds(1));
        Queue.Record(Failure("1", run: "run-2"));

        Assert.That(Queue.MarkMirrored(read), Is.Zero);
        Assert.That(Queue.PendingMirror(10).Single().Attempts, Is.EqualTo(2));
    }

    [Test]
    public void StatusChange_AfterMirrored_PendingAgain()
    {
        Queue.Record(Failure("1"));
        Queue.MarkMirrored(Queue.PendingMirror(10));

        Queue.MarkResolved("123", "Sale", new LightspeedId("1"));

        Assert.That(Queue.PendingMirror(10).Single().Status, Is.EqualTo(ReplayStatus.Resolved));
    }

    [Test]
    public void ApplyAdminStatus_Retrying_ChangesStatusWithoutMirroringBack()
    {
        Queue.Record(Failure("1"));
        Queue.MarkMirrored(Queue.PendingMirror(10));

        Assert.That(Queue.ApplyAdminStatus("123", "Sale", new LightspeedId("1"), ReplayStatus.Retrying), Is.True);
        Assert.That(Queue.ApplyAdminStatus("123", "Sale", new LightspeedId("1"), ReplayStatus.Retrying), Is.False, "same status twice");

        Assert.That(Queue.Get("123", "Sale", new LightspeedId("1"))!.Status, Is.EqualTo(ReplayStatus.Retrying));
        Assert.That(Queue.PendingMirror(10), Is.Empty, "Salesforce already shows what the admin set");
    }

    [Test]
    public void ApplyAdminStatus_UnknownItem_False()
    {
        Assert.That(Queue.ApplyAdminStatus("123", "Sale", new LightspeedId("9"), ReplayStatus.Ignored), Is.False);
    }

    [Test]
    public void ApplyAdminStatus_LocalChangeNotYetMirrored_LocalWins()
    {
        Queue.Record(Failure("1"));
        Queue.MarkMirrored(Queue.PendingMirror(10));
        Queue.MarkResolved("123", "Sale", new LightspeedId("1"));

        Assert.That(Queue.ApplyAdminStatus("123", "Sale", new LightspeedId("1"), ReplayStatus.Retrying), Is.False);
        Assert.That(Queue.Get("123", "Sale", new LightspeedId("1"))!.Status, Is.EqualTo(ReplayStatus.Resolved));
    }
}
