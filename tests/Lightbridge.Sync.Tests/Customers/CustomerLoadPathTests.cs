using System.Text.Json.Nodes;
using Lightbridge.Core.Planning;
using Lightbridge.Emulators.Salesforce.Control;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Sync.Tests.CustomerSync;

/// <summary>
/// How customer writes reach the org: Bulk API 2.0 at or above <c>Sync:BulkThreshold</c> for creates and for updates by
/// id, and lock conflicts that outlive the retries held for the next run rather than lost or duplicated.
/// </summary>
[TestFixture]
public sealed class CustomerLoadPathTests
{
    [Test]
    public async Task RunAsync_AboveBulkThreshold_CreatesAndUpdatesThroughBulk()
    {
        await using var harness = await CustomerHarness.StartAsync();
        var customers = await harness.LightspeedCustomersAsync();
        var shoppers = harness.Shoppers(customers);

        // A rep's Contact for every lone shopper with an email, in upper case: each one is an update by id.
        var matched = shoppers.Where(s => s.Count == 1).Select(s => s[0]).Where(c => harness.Normalized(c).PrimaryEmail is not null).ToList();
        harness.Org.Control.LoadRecords("Contact", matched.Select(c => new JsonObject
        {
            ["LastName"] = "Rep", ["Email"] = harness.Normalized(c).PrimaryEmail!.Value.ToUpperInvariant(),
        }));
        var options = new SyncOptions { BulkThreshold = 5, BatchSize = 1_000 };

        var result = await harness.SyncCustomersAsync(harness.Engine(options: options));

        var contacts = harness.Query("SELECT Id, LastName, Lightspeed_Customer_Id__c FROM Contact");
        Assert.Multiple(() =>
        {
            Assert.That(matched, Has.Count.GreaterThanOrEqualTo(5), "enough updates for the Bulk path");
            Assert.That(result.LoadPaths, Is.All.EqualTo(LoadPath.Bulk));
            Assert.That(harness.OrgCounter("bulk.create"), Is.GreaterThanOrEqualTo(2), "one job for the creates, one for the updates");
            Assert.That(result.Failed, Is.Zero);
            Assert.That(contacts, Has.Count.EqualTo(shoppers.Count), "one Contact per shopper, the reps' ones reused");
            Assert.That(
                contacts.Where(c => c["LastName"]!.GetValue<string>() == "Rep").Select(c => c["Lightspeed_Customer_Id__c"]?.GetValue<string>()),
                Is.EquivalentTo(matched.Select(harness.ExternalIdOf)),
                "every rep's Contact is stamped with its shopper's external id");
        });
    }

    [Test]
    public async Task RunAsync_LockConflicts_EveryShopperEndsWithExactlyOneRecord()
    {
        await using var harness = await CustomerHarness.StartAsync();
        var customers = await harness.LightspeedCustomersAsync();
        var shoppers = harness.Shoppers(customers);
        var matched = shoppers.Where(s => s.Count == 1).Select(s => s[0]).Where(c => harness.Normalized(c).PrimaryEmail is not null).Take(8).ToList();
        harness.Org.Control.LoadRecords("Contact", matched.Select(c => new JsonObject
        {
            ["LastName"] = "Rep", ["Email"] = harness.Normalized(c).PrimaryEmail!.Value,
        }));
        harness.Org.Control.SetFaults(new FaultSettings { LockRowRate = 0.5 });
        var engine = harness.Engine();

        var first = await harness.SyncCustomersAsync(engine);
        var runs = 1;
        var last = first;
        while (last.Failed > 0 && runs < 30)
        {
            last = await harness.SyncCustomersAsync(engine);
            runs++;
        }

        harness.Org.Control.ClearFaults();
        var contacts = harness.Query("SELECT Id, Lightspeed_Customer_Id__c FROM Contact");
        Assert.Multiple(() =>
        {
            Assert.That(first.Held, Is.GreaterThan(0), "some rows outlived the retries and held the checkpoint");
            Assert.That(last.Failed, Is.Zero, $"settled after {runs} runs");
            Assert.That(contacts, Has.Count.EqualTo(shoppers.Count), "no shopper twice, none missing");
            Assert.That(contacts.Select(c => c["Lightspeed_Customer_Id__c"]?.GetValue<string>()), Is.Unique);
            Assert.That(customers.Select(harness.LinkedId), Is.All.Not.Null);
        });
    }
}
