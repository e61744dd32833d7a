using Lightbridge.Emulators.Salesforce.Control;
using static Lightbridge.Salesforce.Tests.EndToEnd.UpsertEndToEndTests;

namespace Lightbridge.Salesforce.Tests.EndToEnd;

/// <summary>Faults the emulator injects, retried by the client to success (reference §1.8, §2.8).</summary>
[TestFixture]
public sealed class FaultsEndToEndTests
{
    [Test]
    public async Task QueryAsync_ThirdOfCallsAnswer503_RetriedToEveryRecord()
    {
        await using var org = await EmulatedOrg.StartAsync(o => o.QueryBatchSize = 200);
        org.LoadStores(1_000);
        org.Control.SetFaults(new FaultSettings { ServiceUnavailableRate = 0.3 });
        var client = org.Client(maxTransientRetries: 8);

        var count = await client.QueryAsync("SELECT Id FROM Lightspeed_Store__c").CountAsync();

        Assert.That(count, Is.EqualTo(1_000));
        Assert.That(client.Statistics.TransientRetries, Is.GreaterThan(0));
    }

    [Test]
    public async Task UpsertCollectionAsync_LockedRows_SentAgainToSuccess()
    {
        await using var org = await EmulatedOrg.StartAsync();
        org.Control.SetFaults(new FaultSettings { LockRowRate = 0.2 });
        var client = org.Client(maxTransientRetries: 8);
        var records = Enumerable.Range(0, 300).Select(i => (IReadOnlyDictionary<string, object?>)Fields(("Lightspeed_Shop_Id__c", $"L-{i}"), ("Name", $"Store {i}"))).ToList();

        var results = await client.UpsertCollectionAsync("Lightspeed_Store__c", "Lightspeed_Shop_Id__c", records);

        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => !r.Success).Select(r => $"{r.ExternalId}: {string.Join(",", r.Errors.Select(e => e.StatusCode))}"), Is.Empty);
            Assert.That(client.Statistics.ApiCalls(SalesforceApiCallKind.Composite) + client.Statistics.ApiCalls(SalesforceApiCallKind.CollectionsUpsert), Is.GreaterThan(1), "locked rows went out again");
            Assert.That(org.Control.Query("SELECT COUNT() FROM Lightspeed_Store__c")["totalSize"]!.GetValue<int>(), Is.EqualTo(300));
        });
    }

    [Test]
    public async Task UpsertAsync_DroppedConnections_RetriedToSuccess()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client(maxTransientRetries: 10);
        await client.GetLimitsAsync();
        org.Control.SetFaults(new FaultSettings { DropConnectionRate = 0.4 });

        for (var i = 0; i < 20; i++)
        {
            var result = await client.UpsertAsync("Lightspeed_Store__c", "Lightspeed_Shop_Id__c", $"D-{i}", Fields(("Name", $"Store {i}")));
            Assert.That(result.Success, Is.True);
        }

        Assert.That(org.Control.Counters.GetValueOrDefault("fault.dropped"), Is.GreaterThan(0));
        Assert.That(client.Statistics.TransientRetries, Is.EqualTo(org.Control.Counters["fault.dropped"]));
        Assert.That(org.Control.Query("SELECT COUNT() FROM Lightspeed_Store__c")["totalSize"]!.GetValue<int>(), Is.EqualTo(20));
    }

    [Test]
    public async Task CreateAsync_ServerError_NotRetriedBecauseARetryCouldCreateTwice()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();
        await client.GetLimitsAsync();
        org.Control.SetFaults(new FaultSettings { ServerErrorRate = 1 });

        var ex = Assert.ThrowsAsync<SalesforceApiException>(() => client.CreateAsync("Lightspeed_Store__c", Fields(("Name", "Once"))));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.InternalServerError));
            Assert.That(ex.ErrorCode, Is.EqualTo("UNKNOWN_EXCEPTION"));
            Assert.That(org.Control.Counters.GetValueOrDefault("sobject.create"), Is.EqualTo(1));
            Assert.That(client.Statistics.TransientRetries, Is.Zero);
        });
    }

    [Test]
    public async Task UpsertAsync_ServerErrors_RetriedWithinTheBudgetThenThrown()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client(maxTransientRetries: 3);
        await client.GetLimitsAsync();
        org.Control.SetFaults(new FaultSettings { ServiceUnavailableRate = 1 });

        var ex = Assert.ThrowsAsync<SalesforceApiException>(() => client.UpsertAsync("Lightspeed_Store__c", "Lightspeed_Shop_Id__c", "R-1", Fields(("Name", "R"))));

        Assert.That(ex!.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.ServiceUnavailable));
        Assert.That(org.Control.Counters.GetValueOrDefault("sobject.upsert"), Is.EqualTo(4), "the first attempt and three retries");
    }
}
