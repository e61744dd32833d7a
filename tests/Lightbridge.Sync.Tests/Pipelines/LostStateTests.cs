using Lightbridge.Emulators.Lightspeed;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Sync.Tests.Pipelines;

/// <summary>
/// The recovery the runbook gives for a lost or damaged state file: start again with a fresh one. The identity index is
/// rebuilt from Salesforce and every entity is read again from Lightspeed; because every write is an upsert by external
/// id and customers are matched by it first, the org ends exactly as before, with no record created twice.
/// </summary>
[TestFixture]
public sealed class LostStateTests
{
    [Test]
    public async Task RunAsync_WithAFreshStateFileAfterAFullSync_CreatesNothingAndTheOrgStillMatchesLightspeed()
    {
        await using var harness = await SyncHarness.StartAsync(
            new LightspeedEmulatorOptions { Seed = 41, Shops = 2, Customers = 25, Items = 40, Sales = 60, Bucket = BucketMode.Off });
        var mappings = new MappingCompiler().Compile(new MappingOptions());
        var first = await harness.Engine().RunAsync(harness.Account);
        var insertsBefore = Inserts(harness);
        var recordsBefore = Counts(harness);

        var folder = Path.Combine(Path.GetTempPath(), "lightbridge-lost-state-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var fresh = StateStore.Open(new StateOptions { Path = Path.Combine(folder, "state.db") }, TimeProvider.System);
            var engine = new SyncEngine(harness.Reader, harness.Writer, fresh, mappings, new SyncOptions(), TimeProvider.System);
            var again = await engine.RunAsync(harness.Account);

            Assert.Multiple(() =>
            {
                Assert.That(first.Sum(r => r.Failed), Is.Zero, "the first sync was clean");
                Assert.That(recordsBefore["Lightspeed_Sale__c"], Is.GreaterThan(0));
                Assert.That(recordsBefore["Contact"] + recordsBefore["Lead"], Is.GreaterThan(0));
                Assert.That(again.Sum(r => r.Failed), Is.Zero);
                Assert.That(again.Sum(r => r.Read), Is.EqualTo(first.Sum(r => r.Read)), "everything was read again");
                Assert.That(Inserts(harness), Is.EqualTo(insertsBefore), "no record was created a second time");
                Assert.That(Counts(harness), Is.EqualTo(recordsBefore));
                Assert.That(fresh.Identities.Count(), Is.GreaterThan(0), "the identity index was rebuilt from Salesforce");
                Assert.That(fresh.ReplayQueue.Depth(), Is.Zero);
            });
            await CatalogSyncTests.AssertOrgMatchesLightspeedAsync(harness);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static Dictionary<string, long> Inserts(SyncHarness harness) =>
        harness.Org.Control.Counters.Where(c => c.Key.StartsWith("dml.insert.", StringComparison.Ordinal)).ToDictionary(c => c.Key, c => c.Value);

    private static Dictionary<string, int> Counts(SyncHarness harness) =>
        new[] { "Lightspeed_Store__c", "Product2", "Lightspeed_Inventory__c", "Contact", "Lead", "Lightspeed_Sale__c", "Lightspeed_Sale_Line__c", "Lightspeed_Payment__c" }
            .ToDictionary(o => o, o => harness.Query($"SELECT Id FROM {o}").Count);
}
