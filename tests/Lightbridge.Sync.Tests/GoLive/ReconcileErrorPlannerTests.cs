using Lightbridge.Core.Reconciliation;
using Lightbridge.Sync.GoLive;

namespace Lightbridge.Sync.Tests.GoLive;

[TestFixture]
public sealed class ReconcileErrorPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly ReconcileWindow March = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), null);

    [Test]
    public void Plan_DifferenceSeenBefore_KeepsFirstSeenCountsAttemptsAndResolvesWhatHealed()
    {
        var lightspeed = new[] { Sale("1-1", 10m), Sale("1-2", 20m) };
        var salesforce = new[] { Sale("1-2", 20m) };
        var result = SalesReconciler.Compare(lightspeed, salesforce, StoreDayTotals.Of(salesforce));
        var firstSeen = Now.AddDays(-2);
        var existing = new Dictionary<string, ExistingError>
        {
            ["Reconcile:Sale:1-1"] = new("Open", 1, firstSeen),
            ["Reconcile:Sale:1-2"] = new("Open", 3, firstSeen),
            ["Reconcile:Sale:1-99"] = new("Open", 1, firstSeen),
            ["Reconcile:StoreDay:1:2026-02-27:1-7"] = new("Open", 1, firstSeen),
            ["Reconcile:StoreDay:1:2026-03-04:1-7"] = new("Open", 1, firstSeen),
        };

        var plan = ReconcileErrorPlanner.Plan("1", March, result, existing, "run-1", Now).ToDictionary(r => (string)r["Error_Key__c"]!);

        Assert.Multiple(() =>
        {
            Assert.That(plan["Reconcile:Sale:1-1"]["Status__c"], Is.EqualTo("Open"));
            Assert.That(plan["Reconcile:Sale:1-1"]["Attempts__c"], Is.EqualTo(2));
            Assert.That(plan["Reconcile:Sale:1-1"]["First_Seen__c"], Is.EqualTo(firstSeen));
            Assert.That(plan["Reconcile:Sale:1-2"]["Status__c"], Is.EqualTo("Resolved"), "checked and equal now");
            Assert.That(plan, Does.Not.ContainKey("Reconcile:Sale:1-99"), "a sale outside this run is left alone");
            Assert.That(plan, Does.Not.ContainKey("Reconcile:StoreDay:1:2026-02-27:1-7"), "a day outside the window is left alone");
            Assert.That(plan["Reconcile:StoreDay:1:2026-03-04:1-7"]["Status__c"], Is.EqualTo("Resolved"));
            Assert.That(plan.Keys.Any(k => k.StartsWith(ReconcileErrorPlanner.StoreDayKeyPrefix + "1:2026-03-02", StringComparison.Ordinal)), Is.False, "a day explained by its sales gets no error of its own");
        });
    }

    [Test]
    public void Plan_IgnoredByAnAdmin_StaysIgnored()
    {
        var result = SalesReconciler.Compare([Sale("1-1", 10m)], [], []);
        var existing = new Dictionary<string, ExistingError> { ["Reconcile:Sale:1-1"] = new("Ignored", 4, Now.AddDays(-9)) };

        var plan = ReconcileErrorPlanner.Plan("1", March, result, existing, "run-2", Now);

        Assert.That(plan.Single()["Status__c"], Is.EqualTo("Ignored"));
    }

    private static SaleFigures Sale(string id, decimal total) => new(id, "1-7", new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero), false, false, total, 0m);
}
