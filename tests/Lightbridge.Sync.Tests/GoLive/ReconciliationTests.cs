using System.Text.Json.Nodes;
using Lightbridge.Core.Failures;
using Lightbridge.Core.Reconciliation;
using Lightbridge.State;
using Lightbridge.Sync.GoLive;
using Lightbridge.Sync.Tests.Sales;

namespace Lightbridge.Sync.Tests.GoLive;

/// <summary>
/// Reconciliation end to end: a seeded account synced in full into the emulated org, then sales deleted from the org
/// and a total altered there through the REST API; reconcile finds exactly those, reports them in Salesforce, the heal
/// resyncs exactly them, and the next reconcile finds nothing and resolves the errors.
/// </summary>
[TestFixture]
public sealed class ReconciliationTests
{
    [Test]
    public async Task CompareAsync_AfterFullSync_BothSystemsAgree()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        var engine = harness.Engine();
        await engine.RunAsync(harness.Account);
        var window = await WindowAsync(harness);

        var run = await new SalesReconciliation(harness.Reader, harness.Writer, TimeProvider.System).CompareAsync(harness.Account, window);

        Assert.Multiple(() =>
        {
            Assert.That(run.LightspeedSales, Is.GreaterThan(0));
            Assert.That(run.Result.Differences, Is.Empty, string.Join("\n", run.Result.Differences.Select(d => d.Detail)));
            Assert.That(run.Result.Days, Is.Not.Empty);
            Assert.That(run.Result.IsEqual, Is.True);
            Assert.That(run.Result.Days.Sum(d => d.Lightspeed?.Receipts ?? 0), Is.EqualTo(run.Result.Days.Sum(d => d.Salesforce?.Receipts ?? 0)));
        });
    }

    [Test]
    public async Task HealAndCompareAgain_SalesDeletedAndAltered_RestoredAndErrorsResolved()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        var engine = harness.Engine();
        await engine.RunAsync(harness.Account);
        var window = await WindowAsync(harness);
        var sales = harness.Query("SELECT Id, Lightspeed_Sale_Id__c, Total__c FROM Lightspeed_Sale__c WHERE Status__c = 'Completed' ORDER BY Lightspeed_Sale_Id__c");
        var deleted = sales[0];
        var altered = sales[1];
        harness.Org.Control.Delete("Lightspeed_Sale__c", deleted["Id"]!.GetValue<string>());
        await harness.Writer.UpdateAsync("Lightspeed_Sale__c", altered["Id"]!.GetValue<string>(), new Dictionary<string, object?> { ["Total__c"] = altered["Total__c"]!.GetValue<decimal>() + 10m });
        var reconciliation = new SalesReconciliation(harness.Reader, harness.Writer, TimeProvider.System);

        var first = await reconciliation.CompareAsync(harness.Account, window);
        var openAfterFirst = await reconciliation.ReportAsync(first);
        var second = await reconciliation.CompareAsync(harness.Account, window);
        await reconciliation.ReportAsync(second);
        var errorsAfterTwoReports = ReconcileErrors(harness);

        Assert.Multiple(() =>
        {
            Assert.That(first.Result.Differences.Select(d => (d.Kind, d.ExternalId)), Is.EquivalentTo(new[]
            {
                (SaleDifferenceKind.MissingInSalesforce, deleted["Lightspeed_Sale_Id__c"]!.GetValue<string>()),
                (SaleDifferenceKind.DifferentValues, altered["Lightspeed_Sale_Id__c"]!.GetValue<string>()),
            }));
            Assert.That(first.Result.DifferingDays, Is.Not.Empty, "the store-day figures differ too");
            Assert.That(openAfterFirst, Is.EqualTo(2));
            Assert.That(errorsAfterTwoReports, Has.Count.EqualTo(2), "a second run updates the same errors");
            Assert.That(errorsAfterTwoReports.Select(e => e["Status__c"]!.GetValue<string>()), Is.All.EqualTo("Open"));
            Assert.That(errorsAfterTwoReports.Select(e => e["Attempts__c"]!.GetValue<decimal>()), Is.All.EqualTo(2m));
        });

        var sentBefore = harness.OrgCounter("collections.upsert") + harness.OrgCounter("bulk.create");
        var heal = await engine.SyncRecordsAsync(SyncEntity.Sale, harness.Account, first.SalesToHeal, RunTrigger.Reconcile);
        var after = await reconciliation.CompareAsync(harness.Account, window);
        await reconciliation.ReportAsync(after);
        var runs = harness.Query("SELECT Run_Id__c, Status__c FROM Lightspeed_Sync_Run__c WHERE Trigger__c = 'Reconcile' ORDER BY Finished_At__c");

        Assert.Multiple(() =>
        {
            Assert.That(heal.Read, Is.EqualTo(2), "exactly the missing and the altered sale are resynced");
            Assert.That(heal.Failed, Is.Zero);
            Assert.That(harness.OrgCounter("collections.upsert") + harness.OrgCounter("bulk.create"), Is.GreaterThan(sentBefore));
            Assert.That(after.Result.IsEqual, Is.True, string.Join("\n", after.Result.Differences.Select(d => d.Detail)));
            Assert.That(ReconcileErrors(harness).Select(e => e["Status__c"]!.GetValue<string>()), Is.All.EqualTo("Resolved"));
            Assert.That(runs.Select(r => r["Status__c"]!.GetValue<string>()), Is.EqualTo(new[] { "PartiallyFailed", "PartiallyFailed", "Succeeded" }));
        });
    }

    [Test]
    public async Task CompareAsync_OneStore_ReadsOnlyThatStore()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        await harness.Engine().RunAsync(harness.Account);
        var window = await WindowAsync(harness);
        var shop = (await harness.LightspeedSalesAsync()).First(s => s.ShopId is not null).ShopId!.Value;

        var run = await new SalesReconciliation(harness.Reader, harness.Writer, TimeProvider.System).CompareAsync(harness.Account, window with { Store = shop.Value });

        Assert.Multiple(() =>
        {
            Assert.That(run.Result.IsEqual, Is.True);
            Assert.That(run.Result.Days.Select(d => d.Store).Distinct(), Is.EqualTo(new[] { $"{harness.Lightspeed.AccountId}-{shop.Value}" }));
        });
    }

    private static async Task<ReconcileWindow> WindowAsync(SaleSyncHarness harness)
    {
        var times = (await harness.LightspeedSalesAsync()).Select(s => s.CompletedAt!.Value.UtcDateTime).ToList();
        return new ReconcileWindow(DateOnly.FromDateTime(times.Min()), DateOnly.FromDateTime(times.Max()), null);
    }

    private static IReadOnlyList<JsonObject> ReconcileErrors(SaleSyncHarness harness) =>
        harness.Query("SELECT Error_Key__c, Status__c, Attempts__c FROM Lightspeed_Sync_Error__c WHERE Error_Key__c LIKE 'Reconcile:%'");
}
