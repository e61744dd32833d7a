namespace Lightbridge.State.Tests.Runs;

public sealed class RunLogTests
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

    [Test]
    public void Finish_StartedRun_StoresTimesStatusAndCounts()
    {
        var started = _store.Runs.Start("run-1", RunTrigger.Schedule, "Sale");
        _folder.Time.Advance(TimeSpan.FromSeconds(42));

        var finished = _store.Runs.Finish("run-1", RunStatus.PartiallyFailed, new RunCounts(100, 60, 38, 2, 5, 3));

        Assert.That(finished.StartedAt, Is.EqualTo(started.StartedAt));
        Assert.That(finished.FinishedAt, Is.EqualTo(started.StartedAt.AddSeconds(42)));
        Assert.That(_store.Runs.Get("run-1"), Is.EqualTo(finished));
        Assert.That(_store.Runs.Get("run-1")!.Counts, Is.EqualTo(new RunCounts(100, 60, 38, 2, 5, 3)));
    }

    [Test]
    public void Start_SameRunIdTwice_Throws()
    {
        _store.Runs.Start("run-1", RunTrigger.Manual, "Item");

        Assert.Throws<InvalidOperationException>(() => _store.Runs.Start("run-1", RunTrigger.Manual, "Item"));
    }

    [Test]
    public void Finish_UnknownOrFinishedRun_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => _store.Runs.Finish("nope", RunStatus.Succeeded, RunCounts.Zero));
        _store.Runs.Start("run-1", RunTrigger.Manual, "Item");
        _store.Runs.Finish("run-1", RunStatus.Succeeded, RunCounts.Zero);

        Assert.Throws<InvalidOperationException>(() => _store.Runs.Finish("run-1", RunStatus.Failed, RunCounts.Zero));
    }

    [Test]
    public void LastRuns_PerEntity_NewestFirstAndLimited()
    {
        for (var i = 1; i <= 5; i++)
        {
            _store.Runs.Start($"sale-{i}", RunTrigger.Schedule, "Sale");
            _store.Runs.Start($"item-{i}", RunTrigger.Schedule, "Item");
            _folder.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.That(_store.Runs.LastRuns("Sale", 3).Select(r => r.RunId), Is.EqualTo(new[] { "sale-5", "sale-4", "sale-3" }));
        Assert.That(_store.Runs.LastRuns(2).Select(r => r.RunId), Is.EqualTo(new[] { "item-5", "item-4", "sale-5", "sale-4" }));
    }

    [Test]
    public void ApiUsage_RunsAndExtraCalls_AddUpPerUtcDay()
    {
        _folder.Time.SetUtcNow(new DateTimeOffset(2026, 3, 14, 23, 59, 0, TimeSpan.Zero));
        _store.Runs.Start("run-1", RunTrigger.Schedule, "Sale");
        _store.Runs.Finish("run-1", RunStatus.Succeeded, new RunCounts(1, 1, 0, 0, 10, 4));
        _store.Runs.AddApiCalls(0, 2);
        _folder.Time.Advance(TimeSpan.FromMinutes(2));
        _store.Runs.Start("run-2", RunTrigger.Schedule, "Sale");
        _store.Runs.Finish("run-2", RunStatus.Succeeded, new RunCounts(1, 1, 0, 0, 7, 1));

        Assert.That(_store.Runs.ApiUsage(new DateOnly(2026, 3, 14)), Is.EqualTo(new ApiUsageDay(new DateOnly(2026, 3, 14), 10, 6)));
        Assert.That(_store.Runs.ApiUsageToday(), Is.EqualTo(new ApiUsageDay(new DateOnly(2026, 3, 15), 7, 1)));
        Assert.That(_store.Runs.ApiUsage(new DateOnly(2026, 3, 1)), Is.EqualTo(new ApiUsageDay(new DateOnly(2026, 3, 1), 0, 0)));
    }

    [Test]
    public void Finish_ThenReopen_RunAndUsageSurvive()
    {
        _store.Runs.Start("run-1", RunTrigger.Backfill, "Customer");
        _store.Runs.Finish("run-1", RunStatus.Failed, new RunCounts(3, 0, 0, 3, 2, 1));
        _store.Dispose();

        _store = _folder.Open();

        Assert.That(_store.Runs.Get("run-1")!.Trigger, Is.EqualTo(RunTrigger.Backfill));
        Assert.That(_store.Runs.Get("run-1")!.Status, Is.EqualTo(RunStatus.Failed));
        Assert.That(_store.Runs.ApiUsageToday().LightspeedRequests, Is.EqualTo(2));
    }
}
