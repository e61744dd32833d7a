using Lightbridge.Salesforce.Collections;

namespace Lightbridge.Salesforce.Tests.Collections;

public sealed class LockRetryPlanTests
{
    private static readonly RecordError Lock = new("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access", []);
    private static readonly RecordError Required = new("REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]", ["Name"]);
    private static readonly RecordError RolledBack = new("ALL_OR_NONE_OPERATION_ROLLED_BACK", "Record rolled back", []);

    [Test]
    public void RecordsToRetry_NotAllOrNone_OnlyLockFailures()
    {
        RecordResult[] results = [Ok(0), Failed(1, Lock), Failed(2, Required), Failed(3, Lock)];

        Assert.That(LockRetryPlan.RecordsToRetry(results, allOrNone: false), Is.EqualTo(new[] { 1, 3 }));
    }

    [Test]
    public void RecordsToRetry_AllOrNoneRolledBackByALock_EverythingAgain()
    {
        RecordResult[] results = [Failed(0, RolledBack), Failed(1, Lock), Failed(2, RolledBack)];

        Assert.That(LockRetryPlan.RecordsToRetry(results, allOrNone: true), Is.EqualTo(new[] { 0, 1, 2 }));
    }

    [Test]
    public void RecordsToRetry_AllOrNoneWithAFinalFailure_Nothing()
    {
        RecordResult[] results = [Failed(0, Required), Failed(1, Lock), Failed(2, RolledBack)];

        Assert.That(LockRetryPlan.RecordsToRetry(results, allOrNone: true), Is.Empty);
    }

    [Test]
    public void RecordsToRetry_AllSucceeded_Nothing()
    {
        Assert.That(LockRetryPlan.RecordsToRetry([Ok(0), Ok(1)], allOrNone: false), Is.Empty);
    }

    [TestCase(1, 1)]
    [TestCase(2, 2)]
    [TestCase(3, 4)]
    [TestCase(10, 30)]
    public void Delay_Round_ExponentialCapped(int round, int expectedSeconds)
    {
        Assert.That(LockRetryPlan.Delay(round, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)), Is.EqualTo(TimeSpan.FromSeconds(expectedSeconds)));
    }

    private static RecordResult Ok(int index) => new(index, $"1-{index}", "003xx000004TmiQAAS", true, true, []);

    private static RecordResult Failed(int index, RecordError error) => new(index, $"1-{index}", null, false, null, [error]);
}
