using Lightbridge.Core.Failures;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Tests.Pipelines;

using static Lightbridge.Sync.Tests.Sales.SaleOrgAssertions;

namespace Lightbridge.Sync.Tests.Sales;

/// <summary>
/// A backfill of sales through Bulk API 2.0 in several batches: the rollups of the stores and customers it touches are
/// owed to the state file's backlog and recomputed once, at the end; the lines' and payments' jobs read no result file
/// when none failed. A backlog left by a run that died is paid by the next sale run.
/// </summary>
[TestFixture]
public sealed class SaleBackfillTests
{
    [Test]
    public async Task BackfillAsync_SeveralBatches_EachParentsRollupsWrittenOnceAndRight()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        await harness.LinkCustomersAsync(_ => true);
        var engine = harness.Engine(new SyncOptions { BatchSize = 20, BulkThreshold = 1 });
        await engine.RunCatalogAsync(harness.Account);
        var expected = await harness.LightspeedSalesAsync();
        var (from, to) = (expected.Min(s => s.UpdatedAt!.Value), expected.Max(s => s.UpdatedAt!.Value).AddSeconds(1));
        var (contactUpdates, storeUpdates, resultFiles) = (harness.OrgCounter("dml.update.Contact"), harness.OrgCounter("dml.update.Lightspeed_Store__c"), harness.OrgCounter("bulk.results"));

        var result = await engine.BackfillAsync(SyncEntity.Sale, harness.Account, from, to);

        var batches = (expected.Count + 19) / 20;
        var contacts = expected.Where(s => s.CustomerId is { } c && harness.Customers[c].Type == CustomerObjectType.Contact).Select(s => s.CustomerId).Distinct().Count();
        var stores = expected.Select(s => s.ShopId).Distinct().Count();
        Assert.Multiple(() =>
        {
            Assert.That((result.Status, result.Created), Is.EqualTo((RunStatus.Succeeded, expected.Count)));
            Assert.That(batches, Is.GreaterThanOrEqualTo(3), "the seed makes several batches");
            Assert.That(contacts, Is.GreaterThan(1));
            Assert.That(harness.OrgCounter("dml.update.Contact") - contactUpdates, Is.EqualTo(contacts), "every customer's rollups written once, not once per batch");
            Assert.That(harness.OrgCounter("dml.update.Lightspeed_Store__c") - storeUpdates, Is.EqualTo(stores), "every store's rollups written once");
            Assert.That(harness.OrgCounter("bulk.results") - resultFiles, Is.EqualTo(batches + 2),
                "the successful file of each batch's sale job and of the two rollup updates; the children's jobs read none");
            Assert.That(harness.State.RollupBacklog.Count, Is.Zero, "the backlog is paid");
        });
        AssertOrgHoldsExactly(harness, expected);
        AssertRollups(harness, expected);
    }

    [Test]
    public async Task BackfillAsync_RefundsOfLinesWrittenBefore_GoWithTheOtherLines()
    {
        await using var harness = await SaleSyncHarness.StartAsync(sales: 120);
        await harness.LinkCustomersAsync(_ => true);
        var engine = harness.Engine(new SyncOptions { BatchSize = 1_000, BulkThreshold = 1 });
        await engine.RunCatalogAsync(harness.Account);
        var expected = (await harness.LightspeedSalesAsync()).OrderBy(s => s.UpdatedAt).ToList();

        // The latest stretch of history that refunds lines of earlier sales and none of its own.
        static (int Earlier, int Within) Refunds(List<Sale> sales)
        {
            var lines = sales.SelectMany(s => s.Lines).Select(l => l.Id).ToHashSet();
            var refunds = sales.SelectMany(s => s.Lines).Where(l => l.ParentLineId is not null).ToList();
            return (refunds.Count(l => !lines.Contains(l.ParentLineId!.Value)), refunds.Count(l => lines.Contains(l.ParentLineId!.Value)));
        }

        var start = Enumerable.Range(1, expected.Count - 1).Reverse()
            .Where(i => expected[i].UpdatedAt != expected[i - 1].UpdatedAt)
            .First(i => Refunds(expected[i..]) is { Earlier: > 0, Within: 0 });
        var second = expected[start..];
        var (from, middle, to) = (expected[0].UpdatedAt!.Value, expected[start].UpdatedAt!.Value, expected[^1].UpdatedAt!.Value.AddSeconds(1));
        var rollupJobs = 1 + (second.Any(s => s.CustomerId is { } c && harness.Customers[c].Type == CustomerObjectType.Contact) ? 1 : 0);
        await engine.BackfillAsync(SyncEntity.Sale, harness.Account, from, middle);
        var jobs = harness.OrgCounter("bulk.create");

        var result = await engine.BackfillAsync(SyncEntity.Sale, harness.Account, middle, to);

        Assert.Multiple(() =>
        {
            Assert.That((result.Status, result.Created), Is.EqualTo((RunStatus.Succeeded, second.Count)));
            Assert.That(harness.OrgCounter("bulk.create") - jobs, Is.EqualTo(3 + rollupJobs),
                "sales, lines with the refunds of earlier lines, payments, and the rollup updates (stores, customers): no second lines job");
        });
        AssertOrgHoldsExactly(harness, expected);
        AssertRollups(harness, expected);
    }

    [Test]
    public async Task RunEntityAsync_BacklogLeftByARunThatDied_RecomputedThenForgotten()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        await harness.LinkCustomersAsync(_ => true);
        var engine = harness.Engine();
        await engine.RunWithoutCustomersAsync(harness.Account);
        var contact = harness.Query("SELECT Contact__c FROM Lightspeed_Sale__c WHERE Status__c = 'Completed' AND Contact__c != null")
            .GroupBy(r => r["Contact__c"]!.ToString()).First(g => g.Count() > 1).Key;
        var sale = harness.Query($"SELECT Id FROM Lightspeed_Sale__c WHERE Contact__c = '{contact}' AND Status__c = 'Completed'")[0]["Id"]!.ToString();

        // The sale leaves the org behind the product's back; a backfill that died owed the customer's rollups.
        harness.Org.Control.Delete("Lightspeed_Sale__c", sale);
        harness.State.RollupBacklog.AddMany([new RollupDebt("Lightspeed_Sale__c", "Contact__c", contact)]);
        var remaining = harness.Query($"SELECT Total__c FROM Lightspeed_Sale__c WHERE Contact__c = '{contact}' AND Status__c = 'Completed'")
            .Sum(r => Number(r["Total__c"]));

        var result = await engine.RunEntityAsync(SyncEntity.Sale, harness.Account);

        var lifetime = Number(harness.Query($"SELECT Lightspeed_Lifetime_Value__c FROM Contact WHERE Id = '{contact}'")[0]["Lightspeed_Lifetime_Value__c"]);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(RunStatus.Succeeded));
            Assert.That(result.Written, Is.Zero);
            Assert.That(lifetime, Is.EqualTo(remaining));
            Assert.That(harness.State.RollupBacklog.Count, Is.Zero);
        });
    }
}
