using Lightbridge.Core.Failures;
using Lightbridge.State;

namespace Lightbridge.Sync.Tests.Sales;

/// <summary>The sale pipeline pauses near the org's API allowance like the others: nothing written, checkpoint held, resumed later.</summary>
[TestFixture]
public sealed class SaleApiUsagePauseTests
{
    [Test]
    public async Task SaleRun_AllowanceNearlySpent_PausedWithNothingWrittenThenResumes()
    {
        await using var harness = await SaleSyncHarness.StartAsync(sales: 20);
        await harness.LinkCustomersAsync(_ => true);
        var engine = harness.Engine();
        foreach (var entity in new[] { SyncEntity.Shop, SyncEntity.Item, SyncEntity.ItemShop })
        {
            await engine.RunEntityAsync(entity, harness.Account);
        }

        harness.Org.Control.SetApiUsage(96_000);
        await harness.Writer.GetLimitsAsync(); // the client has seen the usage, as after any call

        var paused = await engine.RunEntityAsync(SyncEntity.Sale, harness.Account);

        Assert.Multiple(() =>
        {
            Assert.That((paused.Status, paused.Written), Is.EqualTo((RunStatus.Paused, 0)));
            Assert.That(harness.State.Checkpoints.Get(harness.Account.AccountId.Value, "Sale"), Is.Null);
            Assert.That(harness.Query("SELECT Id FROM Lightspeed_Sale__c"), Is.Empty);
        });

        harness.Org.Control.SetApiUsage(1_000);
        var resumed = await engine.RunEntityAsync(SyncEntity.Sale, harness.Account);

        Assert.That(resumed.Status, Is.EqualTo(RunStatus.Succeeded));
        Assert.That(harness.Query("SELECT Id FROM Lightspeed_Sale__c"), Has.Count.EqualTo(resumed.Created).And.Count.GreaterThan(0));
    }
}
