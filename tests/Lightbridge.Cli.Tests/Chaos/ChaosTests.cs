namespace Lightbridge.Cli.Tests.Chaos;

/// <summary>
/// The reliability harness of the evidence issue. In the suite it runs the small form (2 rounds on a small account);
/// <c>scripts/chaos.sh</c> runs the same test with more rounds and a larger account through environment variables
/// (<see cref="ChaosSettings.FromEnvironment"/>).
/// </summary>
[TestFixture]
public sealed class ChaosTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lightbridge-chaos-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Rounds_UnderFaultsAndKills_OrgMatchesLightspeedWithNothingLostOrDuplicated()
    {
        var settings = ChaosSettings.FromEnvironment();
        var started = TimeProvider.System.GetTimestamp();
        ChaosSummary summary;
        await using (var harness = await ChaosHarness.StartAsync(settings, _directory))
        {
            summary = await harness.RunAsync(line => TestContext.Progress.WriteLine(line));
        }

        var report = summary.Format(settings, TimeProvider.System.GetElapsedTime(started));
        TestContext.Progress.WriteLine(report);
        if (settings.ReportPath is { } path)
        {
            await File.WriteAllTextAsync(path, report);
        }

        Assert.Multiple(() =>
        {
            Assert.That(summary.Rounds, Is.EqualTo(settings.Rounds), "rounds run");
            Assert.That(summary.Lost, Is.Zero, "records lost");
            Assert.That(summary.Duplicated, Is.Zero, "records duplicated");
            Assert.That(summary.FieldsDifferent, Is.Zero, "fields different");
            Assert.That(summary.Unexpected, Is.Zero, "unexpected records");
            Assert.That(summary.StuckInQueue, Is.Zero, "replay-queue items stuck for a reason other than invalid data");
            Assert.That(summary.Unsettled, Is.Zero, "rounds that never reached a clean run");
            Assert.That(summary.Crashes, Is.Zero, "processes that exited with an unexpected code");
            Assert.That(summary.QueuedInvalid, Is.EqualTo(summary.ExpectedInvalid), "the invalid sales, and only they, wait in the replay queue");

            // The faults must really have fired, or the run proves nothing.
            Assert.That(summary.Kills, Is.GreaterThan(0), "SIGKILLs");
            Assert.That(summary.Lightspeed.ServerErrors + summary.Lightspeed.Dropped, Is.GreaterThan(0), "Lightspeed 5xx and dropped connections");
            Assert.That(summary.Lightspeed.Throttled, Is.GreaterThan(0), "Lightspeed 429s served to lightbridge");
            Assert.That(summary.Salesforce("lock"), Is.GreaterThan(0), "UNABLE_TO_LOCK_ROW rows");
            Assert.That(summary.Salesforce("server-error") + summary.Salesforce("unavailable"), Is.GreaterThan(0), "Salesforce 500 and 503");
            Assert.That(summary.SessionsExpired, Is.GreaterThan(0), "expired sessions");
        });
        Assert.That(summary.Findings, Is.Empty, report);
    }
}
