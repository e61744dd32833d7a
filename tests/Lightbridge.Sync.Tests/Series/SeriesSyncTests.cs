using System.Text.Json.Nodes;
using Lightbridge.Core.Model;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Sources;

namespace Lightbridge.Sync.Tests.Series;

/// <summary>
/// The sync engine end to end for an account of each series, the same tests for both: a full sync, changes picked up
/// by the next pass, matching to Contacts already in the org, a source that fails requests, and a run killed half way.
/// The expected data is what the series' own client reads from its emulator.
/// </summary>
[TestFixture(SourceSeries.R)]
[TestFixture(SourceSeries.X)]
public sealed class SeriesSyncTests(SourceSeries series)
{
    [Test]
    public async Task RunAsync_FullSync_OrgHoldsEverySourceRecordOnce_AndASecondPassWritesNothing()
    {
        await using var harness = await SeriesHarness.StartAsync(series);
        var engine = harness.Engine();

        var first = await engine.RunAsync(harness.Account);
        harness.AssertOrgEquals(await harness.Source.ReadAllAsync());
        Assert.That(first.Select(r => r.Status), Is.All.EqualTo(RunStatus.Succeeded), string.Join("; ", first.Select(r => $"{r.Entity} {r.Status} failed {r.Failed}")));

        var second = await engine.RunAsync(harness.Account);
        Assert.That(second.Sum(r => r.Created), Is.Zero, "nothing is created twice");
        harness.AssertOrgEquals(await harness.Source.ReadAllAsync());
    }

    [Test]
    public async Task RunAsync_ChangesAfterASync_NextPassReadsFewRecordsAndTheOrgFollows()
    {
        await using var harness = await SeriesHarness.StartAsync(series);
        var engine = harness.Engine();
        await engine.RunAsync(harness.Account);
        var before = await harness.Source.ReadAllAsync();

        var shopper = before.Customers.First(c => !c.Archived).Id;
        var newSale = await harness.Source.AddSaleAsync(shopper);
        var walkIn = await harness.Source.AddSaleAsync(null);
        var voided = before.LatestSales.First(s => s.Status == SaleStatus.Completed).Id;
        await harness.Source.VoidSaleAsync(voided);
        await harness.Source.EditCustomerAsync(before.Customers.Last(c => !c.Archived).Id);
        var stock = before.StoreStock[0];
        await harness.Source.ChangeStockAsync(stock, 5);

        var second = await engine.RunAsync(harness.Account);
        var after = await harness.Source.ReadAllAsync();
        harness.AssertOrgEquals(after);
        Assert.Multiple(() =>
        {
            var saleRun = second.Single(r => r.Entity == Core.Failures.SyncEntity.Sale);
            Assert.That(saleRun.Read, Is.LessThan(before.LatestSales.Count), "the pass reads from the checkpoint, not everything");
            Assert.That(harness.Query($"SELECT Id FROM Lightspeed_Sale__c WHERE Lightspeed_Sale_Id__c = '{harness.Key(newSale)}'"), Has.Count.EqualTo(1));
            Assert.That(harness.Query($"SELECT Id FROM Lightspeed_Sale__c WHERE Lightspeed_Sale_Id__c = '{harness.Key(walkIn)}'"), Has.Count.EqualTo(1));
            Assert.That(harness.Query($"SELECT Status__c FROM Lightspeed_Sale__c WHERE Lightspeed_Sale_Id__c = '{harness.Key(voided)}'").Single()["Status__c"]!.ToString(), Is.EqualTo("Voided"));
        });
    }

    [Test]
    public async Task RunAsync_ContactsAlreadyInTheOrg_MatchedByEmail_NotDuplicated()
    {
        await using var harness = await SeriesHarness.StartAsync(series);
        var source = await harness.Source.ReadAllAsync();

        // Three shoppers whose email no other shopper shares, already Contacts, their email typed in upper case.
        var byEmail = source.Customers.Where(c => !c.Archived && c.Emails.Count > 0 && c.Emails[0].Address.All(char.IsAscii))
            .GroupBy(c => c.Emails[0].Address.Trim().ToLowerInvariant())
            .Where(g => g.Count() == 1 && source.Customers.Count(c => c.Emails.Any(e => e.Address.Trim().Equals(g.Key, StringComparison.OrdinalIgnoreCase))) == 1)
            .Select(g => g.Single())
            .Take(3)
            .ToList();
        Assert.That(byEmail, Has.Count.EqualTo(3), "the seeded account has shoppers with their own email");
        var ids = harness.Org.Control.LoadRecords("Contact", byEmail.Select(c => new JsonObject
        {
            ["LastName"] = "Existing " + c.Id.Value,
            ["Email"] = c.Emails[0].Address.Trim().ToUpperInvariant(),
        }));

        await harness.Engine().RunAsync(harness.Account);

        harness.AssertOrgEquals(await harness.Source.ReadAllAsync());
        for (var i = 0; i < byEmail.Count; i++)
        {
            var email = byEmail[i].Emails[0].Address.Trim().ToLowerInvariant();
            var contacts = harness.Query($"SELECT Id, Lightspeed_Customer_Id__c FROM Contact WHERE Email = '{email}'");
            Assert.That(contacts.Select(c => c["Id"]!.ToString()), Is.EqualTo(new[] { ids[i] }), $"the existing Contact of {byEmail[i].Id} is the only one with its email");
            Assert.That(contacts[0]["Lightspeed_Customer_Id__c"]!.ToString(), Is.EqualTo(harness.Key(byEmail[i].Id)), "and it is stamped with the customer");
        }
    }

    [Test]
    public async Task RunAsync_SourceFailsRequests_RetriedRunsConvergeWithoutDuplicates()
    {
        await using var harness = await SeriesHarness.StartAsync(series, maxTransientRetries: 3);
        harness.Source.SetFaults(serverErrorRate: 0.15, droppedConnectionRate: 0.05);
        var engine = harness.Engine(new SyncOptions { BatchSize = 10, BulkThreshold = 10 });

        var passes = 0;
        var clean = false;
        while (!clean && passes < 10)
        {
            passes++;
            try
            {
                var results = await engine.RunAsync(harness.Account);
                await engine.ReplayAsync(harness.Account);
                clean = results.All(r => r.Status == RunStatus.Succeeded) && harness.State.ReplayQueue.Depth() == 0;
            }
            catch (Exception ex) when (ex is HttpRequestException or Salesforce.SalesforceApiException || ex.GetType().Name.EndsWith("ApiException", StringComparison.Ordinal))
            {
                // A run stopped by a call that could not go on keeps its last batch; the next pass resumes.
            }
        }

        harness.Source.ClearFaults();
        Assert.That(clean, Is.True, $"a clean pass within {passes} passes");
        harness.AssertOrgEquals(await harness.Source.ReadAllAsync());
    }

    [Test]
    public async Task RunAsync_KilledHalfWay_RestartFromTheStateFileFinishesWithoutDuplicates()
    {
        await using var harness = await SeriesHarness.StartAsync(series, sales: 60);
        var options = new SyncOptions { BatchSize = 10, BulkThreshold = 10 };

        // Killed: the sale run is cancelled while it reads its third batch, the first two committed.
        using var kill = new CancellationTokenSource();
        var engine = harness.Engine(options, new KillingReader(harness.Source.Reader, salesBeforeKill: 25, kill));
        foreach (var entity in new[] { Core.Failures.SyncEntity.Shop, Core.Failures.SyncEntity.Item, Core.Failures.SyncEntity.ItemShop, Core.Failures.SyncEntity.Customer })
        {
            await engine.RunEntityAsync(entity, harness.Account);
        }

        Assert.That(async () => await engine.RunEntityAsync(Core.Failures.SyncEntity.Sale, harness.Account, ct: kill.Token), Throws.InstanceOf<OperationCanceledException>());

        var written = harness.Query("SELECT Id FROM Lightspeed_Sale__c").Count;
        Assert.That(written, Is.GreaterThan(0).And.LessThan((await harness.Source.ReadAllAsync()).LatestSales.Count), "the kill left the sales half written");

        // Restarted: a new engine on the reopened state file.
        harness.ReopenState();
        var restarted = await harness.Engine(options).RunAsync(harness.Account);
        Assert.That(restarted.Single(r => r.Entity == Core.Failures.SyncEntity.Sale).Read, Is.LessThan((await harness.Source.ReadAllAsync()).LatestSales.Count), "it resumed from the checkpoint");
        harness.AssertOrgEquals(await harness.Source.ReadAllAsync());
    }
}

/// <summary>Reads through the real reader and cancels the run once it has handed out a given number of sales.</summary>
internal sealed class KillingReader(ISourceReader inner, int salesBeforeKill, CancellationTokenSource kill) : ISourceReader
{
    public SourceSeries Series => inner.Series;

    public long RequestsSent => inner.RequestsSent;

    public long RateLimitedResponses => inner.RateLimitedResponses;

    public Task<string?> ProbeAsync(CancellationToken ct) => inner.ProbeAsync(ct);

    public Action<Lightspeed.UnreadableRecord>? UnreadableRecordHandler
    {
        get => inner.UnreadableRecordHandler;
        set => inner.UnreadableRecordHandler = value;
    }

    public IAsyncEnumerable<Shop> ReadShopsAsync(SourceRead read, CancellationToken ct) => inner.ReadShopsAsync(read, ct);

    public IAsyncEnumerable<Item> ReadItemsAsync(SourceRead read, CancellationToken ct) => inner.ReadItemsAsync(read, ct);

    public IAsyncEnumerable<ItemShop> ReadItemShopsAsync(SourceRead read, CancellationToken ct) => inner.ReadItemShopsAsync(read, ct);

    public IAsyncEnumerable<Customer> ReadCustomersAsync(SourceRead read, CancellationToken ct) => inner.ReadCustomersAsync(read, ct);

    public async IAsyncEnumerable<Sale> ReadSalesAsync(SourceRead read, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var handedOut = 0;
        await foreach (var sale in inner.ReadSalesAsync(read, ct))
        {
            if (++handedOut == salesBeforeKill)
            {
                await kill.CancelAsync();
            }

            yield return sale;
        }
    }

    public Task<IReadOnlyDictionary<LightspeedId, SaleVoid>> ReadSaleVoidsAsync(SourceRead read, CancellationToken ct) => inner.ReadSaleVoidsAsync(read, ct);
}
