using Lightbridge.Core.Model;

namespace Lightbridge.State.Tests.Events;

public sealed class ResyncJobStoreTests
{
    private const string Channel = "/event/Lightspeed_Resync_Request__e";
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

    private static ResyncRequest CustomerRequest(string id) => new(ResyncScope.Customer, new LightspeedId(id), null, null, "rep asked");

    [Test]
    public void EnqueueFromEvent_NewEvent_StoresJobAndReplayId()
    {
        var job = _store.ResyncJobs.EnqueueFromEvent(Channel, 101, CustomerRequest("7"));

        Assert.That(job.Status, Is.EqualTo(ResyncJobStatus.Queued));
        Assert.That(job.ReplayId, Is.EqualTo(101));
        Assert.That(_store.ResyncJobs.Get(job.Id), Is.EqualTo(job));
        Assert.That(_store.EventReplayIds.Get(Channel)!.ReplayId, Is.EqualTo(101));
    }

    [Test]
    public void EnqueueFromEvent_FailureBeforeReplayIdStored_StoresNeitherJobNorReplayId()
    {
        _store.ResyncJobs.EnqueueFromEvent(Channel, 100, CustomerRequest("1"));
        _store.ResyncJobs.AfterJobInserted = () => throw new IOException("simulated crash between the two writes");

        Assert.Throws<IOException>(() => _store.ResyncJobs.EnqueueFromEvent(Channel, 101, CustomerRequest("2")));

        Assert.That(_store.ResyncJobs.List().Select(j => j.ReplayId), Is.EqualTo(new long?[] { 100 }), "the job must roll back with the replay id");
        Assert.That(_store.EventReplayIds.Get(Channel)!.ReplayId, Is.EqualTo(100), "the subscriber resumes before the lost event");
    }

    [Test]
    public void EnqueueFromEvent_SameEventDeliveredTwice_QueuesOneJob()
    {
        var first = _store.ResyncJobs.EnqueueFromEvent(Channel, 101, CustomerRequest("7"));

        var second = _store.ResyncJobs.EnqueueFromEvent(Channel, 101, CustomerRequest("7"));

        Assert.That(second.Id, Is.EqualTo(first.Id));
        Assert.That(_store.ResyncJobs.List(), Has.Count.EqualTo(1));
    }

    [Test]
    public void TakeNext_SeveralQueued_TakesOldestAndMarksRunning()
    {
        var first = _store.ResyncJobs.EnqueueFromEvent(Channel, 1, CustomerRequest("1"));
        _store.ResyncJobs.Enqueue(new ResyncRequest(ResyncScope.Sale, null, _folder.Time.GetUtcNow().AddDays(-2), _folder.Time.GetUtcNow(), null));

        var taken = _store.ResyncJobs.TakeNext()!;
        var next = _store.ResyncJobs.TakeNext()!;

        Assert.That(taken.Id, Is.EqualTo(first.Id));
        Assert.That(taken.Status, Is.EqualTo(ResyncJobStatus.Running));
        Assert.That(taken.Attempts, Is.EqualTo(1));
        Assert.That(next.Request.Scope, Is.EqualTo(ResyncScope.Sale));
        Assert.That(next.Request.From, Is.EqualTo(_folder.Time.GetUtcNow().AddDays(-2)));
        Assert.That(_store.ResyncJobs.TakeNext(), Is.Null);
    }

    [Test]
    public void MarkDoneAndFailed_RunningJobs_Finish()
    {
        var a = _store.ResyncJobs.Enqueue(CustomerRequest("1"));
        var b = _store.ResyncJobs.Enqueue(CustomerRequest("2"));
        _store.ResyncJobs.TakeNext();
        _store.ResyncJobs.TakeNext();

        Assert.That(_store.ResyncJobs.MarkDone(a.Id), Is.True);
        Assert.That(_store.ResyncJobs.MarkFailed(b.Id, "customer 2 not found"), Is.True);
        Assert.That(_store.ResyncJobs.MarkDone(999), Is.False);

        Assert.That(_store.ResyncJobs.Get(a.Id)!.Status, Is.EqualTo(ResyncJobStatus.Done));
        Assert.That(_store.ResyncJobs.Get(b.Id)!.Error, Is.EqualTo("customer 2 not found"));
        Assert.That(_store.ResyncJobs.Count(ResyncJobStatus.Failed), Is.EqualTo(1));
    }

    [Test]
    public void RequeueInterrupted_AfterCrashWhileRunning_JobRunsAgain()
    {
        var job = _store.ResyncJobs.EnqueueFromEvent(Channel, 5, CustomerRequest("3"));
        _store.ResyncJobs.TakeNext();
        _store.Dispose();

        _store = _folder.Open();
        var requeued = _store.ResyncJobs.RequeueInterrupted();
        var again = _store.ResyncJobs.TakeNext()!;

        Assert.That(requeued, Is.EqualTo(1));
        Assert.That(again.Id, Is.EqualTo(job.Id));
        Assert.That(again.Attempts, Is.EqualTo(2));
        Assert.That(_store.EventReplayIds.Get(Channel)!.ReplayId, Is.EqualTo(5));
    }

    [Test]
    public void EventReplayIdSet_Standalone_StoresWithTime()
    {
        Assert.That(_store.EventReplayIds.Get(Channel), Is.Null);

        _store.EventReplayIds.Set(Channel, -2);

        Assert.That(_store.EventReplayIds.Get(Channel), Is.EqualTo(new StoredReplayId(Channel, -2, _folder.Time.GetUtcNow())));
    }
}
