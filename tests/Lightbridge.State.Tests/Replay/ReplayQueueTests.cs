using Lightbridge.Core.Model;

namespace Lightbridge.State.Tests.Replay;

public sealed class ReplayQueueTests
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

    private static ReplayFailure Failure(string id, string code = "SaleNeedsShop", string entity = "Sale", string account = "123", string run = "run-1") =>
        new(account, entity, new LightspeedId(id), code, $"{code} failed", "shopID", "{\"saleID\":\"" + id + "\"}", run);

    [Test]
    public void Record_NewFailure_CreatesOpenItemWithOneAttempt()
    {
        var item = _store.ReplayQueue.Record(Failure("10"));

        Assert.That(item.Status, Is.EqualTo(ReplayStatus.Open));
        Assert.That(item.Attempts, Is.EqualTo(1));
        Assert.That(item.FirstSeen, Is.EqualTo(_folder.Time.GetUtcNow()));
        Assert.That(_store.ReplayQueue.Get("123", "Sale", new LightspeedId("10")), Is.EqualTo(item));
    }

    [Test]
    public void Record_SameRecordFailsAgain_UpdatesSameItemAndBumpsAttempts()
    {
        var first = _store.ReplayQueue.Record(Failure("10"));
        _folder.Time.Advance(TimeSpan.FromMinutes(5));

        var second = _store.ReplayQueue.Record(Failure("10", code: "INVALID_FIELD", run: "run-2"));

        Assert.That(second.Attempts, Is.EqualTo(2));
        Assert.That(second.FirstSeen, Is.EqualTo(first.FirstSeen));
        Assert.That(second.LastSeen, Is.EqualTo(first.FirstSeen.AddMinutes(5)));
        Assert.That(second.ErrorCode, Is.EqualTo("INVALID_FIELD"));
        Assert.That(second.RunId, Is.EqualTo("run-2"));
        Assert.That(_store.ReplayQueue.List(), Has.Count.EqualTo(1));
    }

    [Test]
    public void Record_SameIdInOtherAccount_IsSeparateItem()
    {
        _store.ReplayQueue.Record(Failure("10", account: "123"));
        _store.ReplayQueue.Record(Failure("10", account: "456"));

        Assert.That(_store.ReplayQueue.List(lightspeedId: new LightspeedId("10")), Has.Count.EqualTo(2));
    }

    [Test]
    public void Record_AfterResolved_ReopensItem()
    {
        _store.ReplayQueue.Record(Failure("10"));
        _store.ReplayQueue.MarkResolved("123", "Sale", new LightspeedId("10"));

        var item = _store.ReplayQueue.Record(Failure("10"));

        Assert.That(item.Status, Is.EqualTo(ReplayStatus.Open));
        Assert.That(item.Attempts, Is.EqualTo(2));
    }

    [Test]
    public void Record_AfterIgnored_StaysIgnored()
    {
        _store.ReplayQueue.Record(Failure("10"));
        _store.ReplayQueue.MarkIgnored("123", "Sale", new LightspeedId("10"));

        var item = _store.ReplayQueue.Record(Failure("10"));

        Assert.That(item.Status, Is.EqualTo(ReplayStatus.Ignored));
        Assert.That(_store.ReplayQueue.Depth(), Is.Zero);
    }

    [Test]
    public void MarkResolved_UnknownItem_ReturnsFalse() =>
        Assert.That(_store.ReplayQueue.MarkResolved("123", "Sale", new LightspeedId("99")), Is.False);

    [Test]
    public void MarkRetryingThenResolved_ChangesStatusAndDepth()
    {
        _store.ReplayQueue.Record(Failure("10"));
        _store.ReplayQueue.Record(Failure("11"));

        Assert.That(_store.ReplayQueue.MarkRetrying("123", "Sale", new LightspeedId("10")), Is.True);
        Assert.That(_store.ReplayQueue.Depth(), Is.EqualTo(2));
        Assert.That(_store.ReplayQueue.MarkResolved("123", "Sale", new LightspeedId("10")), Is.True);

        Assert.That(_store.ReplayQueue.Depth(), Is.EqualTo(1));
        Assert.That(_store.ReplayQueue.Get("123", "Sale", new LightspeedId("10"))!.Status, Is.EqualTo(ReplayStatus.Resolved));
    }

    [Test]
    public void List_Filters_ByEntityIdAndPending()
    {
        _store.ReplayQueue.Record(Failure("10"));
        _folder.Time.Advance(TimeSpan.FromSeconds(1));
        _store.ReplayQueue.Record(Failure("11"));
        _store.ReplayQueue.Record(Failure("10", code: "InvalidEmail", entity: "Customer"));
        _store.ReplayQueue.MarkResolved("123", "Sale", new LightspeedId("11"));

        Assert.That(_store.ReplayQueue.List(entity: "Sale").Select(i => i.LightspeedId.Value), Is.EqualTo(new[] { "10", "11" }));
        Assert.That(_store.ReplayQueue.List(entity: "Sale", pendingOnly: true).Select(i => i.LightspeedId.Value), Is.EqualTo(new[] { "10" }));
        Assert.That(_store.ReplayQueue.List(lightspeedId: new LightspeedId("10")).Select(i => i.Entity), Is.EquivalentTo(new[] { "Sale", "Customer" }));
        Assert.That(_store.ReplayQueue.List(entity: "Customer", lightspeedId: new LightspeedId("10")).Single().ErrorCode, Is.EqualTo("InvalidEmail"));
        Assert.That(_store.ReplayQueue.List(pendingOnly: true), Has.Count.EqualTo(2));
    }

    [Test]
    public void CountPending_GroupsByEntityAndErrorCode()
    {
        _store.ReplayQueue.Record(Failure("1", code: "AmbiguousMatch", entity: "Customer"));
        _store.ReplayQueue.Record(Failure("2", code: "AmbiguousMatch", entity: "Customer"));
        _store.ReplayQueue.Record(Failure("3", code: "InvalidEmail", entity: "Customer"));
        _store.ReplayQueue.Record(Failure("4", code: "UNABLE_TO_LOCK_ROW", entity: "Sale"));
        _store.ReplayQueue.Record(Failure("5", code: "UNABLE_TO_LOCK_ROW", entity: "Sale"));
        _store.ReplayQueue.MarkResolved("123", "Sale", new LightspeedId("5"));

        Assert.That(_store.ReplayQueue.CountPending(), Is.EqualTo(new[]
        {
            new ReplayQueueCount("Customer", "AmbiguousMatch", 2),
            new ReplayQueueCount("Customer", "InvalidEmail", 1),
            new ReplayQueueCount("Sale", "UNABLE_TO_LOCK_ROW", 1),
        }));
        Assert.That(_store.ReplayQueue.CountPendingByEntity(), Is.EquivalentTo(new Dictionary<string, int> { ["Customer"] = 3, ["Sale"] = 1 }));
        Assert.That(_store.ReplayQueue.CountPendingByErrorCode(), Is.EquivalentTo(new Dictionary<string, int> { ["AmbiguousMatch"] = 2, ["InvalidEmail"] = 1, ["UNABLE_TO_LOCK_ROW"] = 1 }));
        Assert.That(_store.ReplayQueue.Depth(), Is.EqualTo(4));
    }

    [Test]
    public void Record_ThenReopen_ItemSurvivesWithSnapshot()
    {
        _store.ReplayQueue.Record(Failure("10"));
        _store.Dispose();

        _store = _folder.Open();

        var item = _store.ReplayQueue.Get("123", "Sale", new LightspeedId("10"))!;
        Assert.That(item.PayloadSnapshot, Is.EqualTo("{\"saleID\":\"10\"}"));
        Assert.That(item.Field, Is.EqualTo("shopID"));
    }

    [Test]
    public void Record_SameRecordFromManyThreads_CountsEveryAttempt()
    {
        const int threads = 4;
        const int perThread = 25;

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            for (var i = 0; i < perThread; i++)
            {
                _store.ReplayQueue.Record(Failure("10"));
            }
        });

        Assert.That(_store.ReplayQueue.Get("123", "Sale", new LightspeedId("10"))!.Attempts, Is.EqualTo(threads * perThread));
    }
}
