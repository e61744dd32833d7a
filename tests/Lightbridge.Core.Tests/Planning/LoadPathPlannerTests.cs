using Lightbridge.Core.Planning;

namespace Lightbridge.Core.Tests.Planning;

public sealed class LoadPathPlannerTests
{
    [Test]
    public void Plan_BelowThreshold_CollectionsInCallsOf200()
    {
        var plan = new LoadPathPlanner(2_000).Plan(401);

        Assert.That(plan, Is.EqualTo(new LoadPlan(LoadPath.Collections, 401, 3)));
    }

    [TestCase(2_000)]
    [TestCase(50_000)]
    public void Plan_AtOrAboveThreshold_Bulk(int count)
    {
        Assert.That(new LoadPathPlanner(2_000).Plan(count).Path, Is.EqualTo(LoadPath.Bulk));
    }

    [Test]
    public void Plan_JustBelowThreshold_Collections()
    {
        Assert.That(new LoadPathPlanner(2_000).Plan(1_999).Path, Is.EqualTo(LoadPath.Collections));
    }

    [Test]
    public void Plan_BackfillOfFewRecords_Bulk()
    {
        Assert.That(new LoadPathPlanner().Plan(3, isBackfill: true), Is.EqualTo(new LoadPlan(LoadPath.Bulk, 3, LoadPathPlanner.BulkJobCalls)));
    }

    [Test]
    public void Plan_NothingToLoad_NoCalls()
    {
        Assert.That(new LoadPathPlanner().Plan(0).Calls, Is.Zero);
    }

    [Test]
    public void Constructor_ThresholdNotPositive_Throws()
    {
        Assert.That(() => new LoadPathPlanner(0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new LoadPathPlanner().Plan(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
