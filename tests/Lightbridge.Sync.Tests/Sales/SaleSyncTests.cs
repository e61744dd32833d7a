using Lightbridge.Sync.Tests.Pipelines;
using System.Globalization;
using System.Text.Json.Nodes;
using Lightbridge.Core.Failures;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Pipelines.Sales;

using static Lightbridge.Sync.Tests.Sales.SaleOrgAssertions;

namespace Lightbridge.Sync.Tests.Sales;

/// <summary>
/// The sale pipeline end to end: a seeded Lightspeed account (walk-ins, refunds, voids, misc lines, split payments)
/// synced into an emulated org with the repository's package, through the real clients and a real LiteDB file. Expected
/// values are computed here from the sales read through the Lightspeed API and compared with the org read by SOQL.
/// </summary>
[TestFixture]
public sealed class SaleSyncTests
{

    [Test]
    public async Task RunAsync_IntoAnEmptyOrg_WritesExactlyTheLightspeedSalesLinesAndPayments()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        await harness.LinkCustomersAsync(_ => true);

        var results = await harness.Engine().RunWithoutCustomersAsync(harness.Account);

        var sale = results.Single(r => r.Entity == SyncEntity.Sale);
        var expected = await harness.LightspeedSalesAsync();
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Entity), Is.EqualTo(new[] { SyncEntity.Shop, SyncEntity.Item, SyncEntity.ItemShop, SyncEntity.Sale }));
            Assert.That(results.Select(r => r.Status), Is.All.EqualTo(RunStatus.Succeeded));
            Assert.That(sale.Created, Is.EqualTo(expected.Count));
            Assert.That(harness.State.ReplayQueue.List(nameof(SyncEntity.Sale), pendingOnly: true), Is.Empty);
            Assert.That(expected.Count(s => s.Status == SaleStatus.Voided), Is.GreaterThan(0), "the seed holds voids");
            Assert.That(expected.Count(s => s.Lines.Any(l => l.ParentLineId is not null)), Is.GreaterThan(0), "the seed holds refunds");
            Assert.That(expected.Count(s => s.IsWalkIn), Is.GreaterThan(0), "the seed holds walk-ins");
        });
        AssertOrgHoldsExactly(harness, expected);
        AssertRollups(harness, expected);
    }

    [Test]
    public async Task RunAsync_SecondRunWithoutChanges_WritesNothing()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        await harness.LinkCustomersAsync(_ => true);
        var engine = harness.Engine();
        await engine.RunWithoutCustomersAsync(harness.Account);
        var upserts = harness.OrgCounter("collections.upsert");
        var composites = harness.OrgCounter("composite");
        var calls = harness.Writer.Statistics.ApiCalls(SalesforceApiCallKind.CollectionsUpsert) + harness.Writer.Statistics.ApiCalls(SalesforceApiCallKind.BulkJob)
            + harness.Writer.Statistics.ApiCalls(SalesforceApiCallKind.Composite);

        var second = await engine.RunEntityAsync(SyncEntity.Sale, harness.Account);

        Assert.Multiple(() =>
        {
            Assert.That(second.Written, Is.Zero);
            Assert.That(second.Failed, Is.Zero);
            Assert.That(harness.OrgCounter("collections.upsert"), Is.EqualTo(upserts), "no upsert reached the org");
            Assert.That(harness.OrgCounter("composite"), Is.EqualTo(composites), "no rollup update reached the org");
            Assert.That(
                harness.Writer.Statistics.ApiCalls(SalesforceApiCallKind.CollectionsUpsert) + harness.Writer.Statistics.ApiCalls(SalesforceApiCallKind.BulkJob)
                    + harness.Writer.Statistics.ApiCalls(SalesforceApiCallKind.Composite),
                Is.EqualTo(calls));
        });
    }

    [Test]
    public async Task RunAsync_AfterNewSales_WritesOnlyTheNewOnesAndTheirRollups()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        await harness.LinkCustomersAsync(_ => true);
        var engine = harness.Engine();
        await engine.RunWithoutCustomersAsync(harness.Account);
        var contact = harness.Customers.First(c => c.Value.Type == CustomerObjectType.Contact).Key;
        var added = new[]
        {
            harness.Lightspeed.Control.AddSale(int.Parse(contact.Value, CultureInfo.InvariantCulture)),
            harness.Lightspeed.Control.AddSale(customerId: 0),
        };
        var upserts = harness.OrgCounter("collections.upsert");

        var second = await engine.RunEntityAsync(SyncEntity.Sale, harness.Account);

        var expected = await harness.LightspeedSalesAsync();
        var newLines = expected.Where(s => added.Contains(int.Parse(s.Id.Value, CultureInfo.InvariantCulture))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(second.Created, Is.EqualTo(2));
            Assert.That(second.Updated, Is.Zero, "no old sale rewritten");
            // One call for the sales, one for their lines, one for their payments.
            Assert.That(harness.OrgCounter("collections.upsert"), Is.EqualTo(upserts + 3));
            Assert.That(newLines.Sum(s => s.Lines.Count), Is.GreaterThan(0));
        });
        AssertOrgHoldsExactly(harness, expected);
        AssertRollups(harness, expected);
    }

    [Test]
    public async Task RunAsync_AfterAVoid_MarksTheSaleVoidedAndTheRollupsDropIt()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        await harness.LinkCustomersAsync(_ => true);
        var engine = harness.Engine();
        await engine.RunWithoutCustomersAsync(harness.Account);
        var before = await harness.LightspeedSalesAsync();
        var victim = before.First(s => s.Status == SaleStatus.Completed && !s.IsRefund && s.Total > 0
            && s.CustomerId is { } c && harness.Customers[c].Type == CustomerObjectType.Contact);
        var contactId = harness.Customers[victim.CustomerId!.Value].Id;
        var lifetimeBefore = Number(harness.Query($"SELECT Lightspeed_Lifetime_Value__c FROM Contact WHERE Id = '{contactId}'")[0]["Lightspeed_Lifetime_Value__c"]);

        harness.Lightspeed.Control.VoidSale(int.Parse(victim.Id.Value, CultureInfo.InvariantCulture));
        var second = await engine.RunEntityAsync(SyncEntity.Sale, harness.Account);

        var after = await harness.LightspeedSalesAsync();
        var status = harness.Query($"SELECT Status__c FROM Lightspeed_Sale__c WHERE Lightspeed_Sale_Id__c = '{harness.Account.AccountId.Value}-{victim.Id.Value}'");
        var lifetimeAfter = Number(harness.Query($"SELECT Lightspeed_Lifetime_Value__c FROM Contact WHERE Id = '{contactId}'")[0]["Lightspeed_Lifetime_Value__c"]);
        Assert.Multiple(() =>
        {
            Assert.That(second.Updated, Is.EqualTo(1), "only the voided sale is rewritten");
            Assert.That(second.Created, Is.Zero);
            Assert.That(status.Single()["Status__c"]!.ToString(), Is.EqualTo("Voided"));
            Assert.That(lifetimeAfter, Is.EqualTo(lifetimeBefore - Money(victim.Total)));
        });
        AssertOrgHoldsExactly(harness, after);
        AssertRollups(harness, after);
    }

    [Test]
    public async Task RunAsync_CustomerNotLinkedYet_QueuesTheSaleAndTheNextRunWritesItOnce()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        var expected = await harness.LightspeedSalesAsync();
        var held = expected.Where(s => s.CustomerId is { } c && long.Parse(c.Value, CultureInfo.InvariantCulture) % 3 == 0).Select(s => s.Id).ToHashSet();
        await harness.LinkCustomersAsync(c => long.Parse(c.Id.Value, CultureInfo.InvariantCulture) % 3 != 0);
        var engine = harness.Engine();

        var first = (await engine.RunWithoutCustomersAsync(harness.Account)).Single(r => r.Entity == SyncEntity.Sale);

        var queued = harness.State.ReplayQueue.List(nameof(SyncEntity.Sale), pendingOnly: true);
        Assert.Multiple(() =>
        {
            Assert.That(held, Is.Not.Empty, "the seed has sales of customers left unlinked");
            Assert.That(first.Failed, Is.EqualTo(held.Count));
            Assert.That(first.Created, Is.EqualTo(expected.Count - held.Count));
            Assert.That(queued.Select(q => q.LightspeedId), Is.EquivalentTo(held));
            Assert.That(queued.Select(q => q.ErrorCode), Is.All.EqualTo(SaleErrorCodes.CustomerNotLinked));
            Assert.That(harness.Query(SaleSoql).Count, Is.EqualTo(expected.Count - held.Count), "no sale written without its customer");
        });

        await harness.LinkCustomersAsync(_ => true);
        var second = await engine.RunEntityAsync(SyncEntity.Sale, harness.Account);

        Assert.Multiple(() =>
        {
            Assert.That(second.Created, Is.EqualTo(held.Count));
            Assert.That(second.Failed, Is.Zero);
            Assert.That(harness.State.ReplayQueue.List(nameof(SyncEntity.Sale), pendingOnly: true), Is.Empty);
        });
        AssertOrgHoldsExactly(harness, expected);
        AssertRollups(harness, expected);
    }

    // Batches of 10 through Bulk (rollup updates under the threshold go through Composite), and one batch whose rollup
    // updates of contacts and stores are Bulk update jobs too.
    [TestCase(10, 10, false)]
    [TestCase(2, 100, true)]
    public async Task RunAsync_AboveTheBulkThreshold_LoadsThroughBulkInCommittedBatchesWithTheSameResult(int bulkThreshold, int batchSize, bool rollupsByBulk)
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        await harness.LinkCustomersAsync(_ => true);

        var results = await harness.Engine(new SyncOptions { BulkThreshold = bulkThreshold, BatchSize = batchSize }).RunWithoutCustomersAsync(harness.Account);

        var sale = results.Single(r => r.Entity == SyncEntity.Sale);
        var expected = await harness.LightspeedSalesAsync();
        var newest = expected.Max(s => s.UpdatedAt!.Value);
        Assert.Multiple(() =>
        {
            Assert.That(sale.Status, Is.EqualTo(RunStatus.Succeeded));
            Assert.That(sale.LoadPaths, Does.Contain(Core.Planning.LoadPath.Bulk));
            Assert.That(harness.OrgCounter("composite") - harness.OrgCounter("composite.reads") > 0, Is.EqualTo(!rollupsByBulk), "rollup updates through Composite below the threshold, Bulk from it");
            Assert.That(sale.Written, Is.EqualTo(expected.Count));
            Assert.That(sale.Watermark, Is.EqualTo(newest), "the checkpoint ends at the newest sale written");
            Assert.That(harness.State.Checkpoints.Get(harness.Account.AccountId.Value, nameof(SyncEntity.Sale))!.Watermark, Is.EqualTo(newest));
        });
        AssertOrgHoldsExactly(harness, expected);
        AssertRollups(harness, expected);
    }

    [Test]
    public async Task RunEntityAsync_OneProductMissingFromTheOrg_QueuesEachSaleWhoseLineIsRefusedAndWritesTheOthers()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        await harness.LinkCustomersAsync(_ => true);
        var engine = harness.Engine();
        await engine.RunEntityAsync(SyncEntity.Shop, harness.Account);
        await engine.RunEntityAsync(SyncEntity.Item, harness.Account);
        var expected = await harness.LightspeedSalesAsync();
        var item = expected.SelectMany(s => s.Lines).Where(l => l.ItemId is not null).GroupBy(l => l.ItemId!.Value).OrderByDescending(g => g.Count()).First().Key;
        var product = harness.Query($"SELECT Id FROM Product2 WHERE Lightspeed_Item_Id__c = '{harness.Account.AccountId.Value}-{item.Value}'").Single()["Id"]!.ToString();
        await harness.Writer.DeleteAsync("Product2", product);

        // Every line naming the deleted product is refused, and takes its sale into the queue (refunds of such lines too).
        var result = await engine.RunEntityAsync(SyncEntity.Sale, harness.Account);

        var refusedLines = expected.SelectMany(s => s.Lines).Where(l => l.ItemId == item).Select(l => l.Id).ToHashSet();
        var refused = expected.Where(s => s.Lines.Any(l => refusedLines.Contains(l.Id) || (l.ParentLineId is { } p && refusedLines.Contains(p)))).Select(s => s.Id).ToList();
        var queued = harness.State.ReplayQueue.List(nameof(SyncEntity.Sale), pendingOnly: true);
        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.Not.Empty);
            Assert.That(refused.Count, Is.LessThan(expected.Count));
            Assert.That(result.Status, Is.EqualTo(RunStatus.PartiallyFailed));
            Assert.That(result.Failed, Is.EqualTo(refused.Count));
            Assert.That(result.Written, Is.EqualTo(expected.Count - refused.Count));
            Assert.That(queued.Select(q => q.LightspeedId), Is.EquivalentTo(refused));
            Assert.That(queued.Select(q => q.Message), Has.All.Contains("Lightspeed_Sale_Line__c"));
            Assert.That(result.Watermark, Is.EqualTo(expected.Max(s => s.UpdatedAt)), "queued sales do not hold the checkpoint");
        });
    }

    [Test]
    public async Task RunEntityAsync_RowLockFailures_RunsUntilSettledEndWithEverySaleOnceAndRollupsRight()
    {
        await using var harness = await SaleSyncHarness.StartAsync();
        await harness.LinkCustomersAsync(_ => true);
        var engine = harness.Engine();
        foreach (var entity in new[] { SyncEntity.Shop, SyncEntity.Item })
        {
            await engine.RunEntityAsync(entity, harness.Account);
        }

        // One written row in ten fails UNABLE_TO_LOCK_ROW, rollup updates included; the client retries once per call.
        harness.Org.Control.SetFaults(new Emulators.Salesforce.Control.FaultSettings { LockRowRate = 0.1 });
        var runs = new List<SyncRunResult>();
        do
        {
            runs.Add(await engine.RunEntityAsync(SyncEntity.Sale, harness.Account));
        }
        while ((runs[^1].Failed > 0 || runs[^1].Held > 0) && runs.Count < 25);

        harness.Org.Control.ClearFaults();
        var expected = await harness.LightspeedSalesAsync();
        Assert.Multiple(() =>
        {
            Assert.That(runs[^1].Failed + runs[^1].Held, Is.Zero, "the runs settle");
            Assert.That(runs.Count, Is.GreaterThan(1), "the faults made a run leave work for the next");
            Assert.That(harness.State.ReplayQueue.List(nameof(SyncEntity.Sale), pendingOnly: true), Is.Empty);
        });
        AssertOrgHoldsExactly(harness, expected);
        AssertRollups(harness, expected);
    }
}
