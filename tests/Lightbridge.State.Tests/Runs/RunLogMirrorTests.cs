namespace Lightbridge.State.Tests.Runs;

/// <summary>Which finished runs still have to be written to <c>Lightspeed_Sync_Run__c</c>.</summary>
public sealed class RunLogMirrorTests
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
    public void PendingMirror_OnlyFinishedRunsOldestFirst()
    {
        _store.Runs.Start("run-a", RunTrigger.Schedule, "Item");
        _folder.Time.Advance(TimeSpan.FromSeconds(1));
        _store.Runs.Start("run-b", RunTrigger.Schedule, "Sale");
        _folder.Time.Advance(TimeSpan.FromSeconds(1));
        _store.Runs.Start("run-c", RunTrigger.Manual, "Shop");
        _store.Runs.Finish("run-c", RunStatus.Succeeded, RunCounts.Zero);
        _store.Runs.Finish("run-a", RunStatus.Failed, RunCounts.Zero);

        Assert.That(_store.Runs.PendingMirror(10).Select(r => r.RunId), Is.EqualTo(new[] { "run-a", "run-c" }));
    }

    [Test]
    public void MarkMirrored_FinishedRuns_NoLongerPending()
    {
        _store.Runs.Start("run-a", RunTrigger.Schedule, "Item");
        _store.Runs.Finish("run-a", RunStatus.Succeeded, RunCounts.Zero);
        _store.Runs.Start("run-b", RunTrigger.Schedule, "Sale");

        Assert.That(_store.Runs.MarkMirrored(["run-a", "run-b", "run-x"]), Is.EqualTo(1), "a running or unknown run is not marked");
        Assert.That(_store.Runs.PendingMirror(10), Is.Empty);
        Assert.That(_store.Runs.Get("run-a")!.Status, Is.EqualTo(RunStatus.Succeeded));
    }
}
