using System.Text.Json.Nodes;

namespace Lightbridge.Salesforce.Tests.EndToEnd;

/// <summary>Queries through the client against the emulator's SOQL engine: paging, parent fields, aggregates and errors (reference §2.2).</summary>
[TestFixture]
public sealed class QueryEndToEndTests
{
    private EmulatedOrg _org = null!;
    private SalesforceClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _org = await EmulatedOrg.StartAsync();
        _org.LoadStores(2);
        // 4,500 sales: three pages of at most 2,000 rows each.
        _org.Control.LoadRecords("Lightspeed_Sale__c", Enumerable.Range(0, 4_500).Select(i => new JsonObject
        {
            ["Lightspeed_Sale_Id__c"] = $"Q-{i:D5}",
            ["Store__r"] = new JsonObject { ["Lightspeed_Shop_Id__c"] = $"S-{i % 2}" },
            ["Total__c"] = (i % 10) + 0.5m,
            ["Status__c"] = i % 3 == 0 ? "Voided" : "Completed",
        }));
        _client = _org.Client();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _org.DisposeAsync();
    }

    [Test]
    public async Task QueryAsync_MoreThanTwoThousandRecords_FollowsNextRecordsUrlToEveryRecord()
    {
        var before = _client.Statistics.ApiCalls(SalesforceApiCallKind.Query);

        var ids = await _client.QueryAsync("SELECT Lightspeed_Sale_Id__c FROM Lightspeed_Sale__c ORDER BY Lightspeed_Sale_Id__c")
            .Select(r => r.GetProperty("Lightspeed_Sale_Id__c").GetString()!).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(ids, Has.Count.EqualTo(4_500));
            Assert.That(ids, Is.Unique);
            Assert.That(ids, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(_client.Statistics.ApiCalls(SalesforceApiCallKind.Query) - before, Is.EqualTo(3), "one call per 2,000-row page");
        });
    }

    [Test]
    public async Task QueryAsync_ParentRelationshipField_ReturnsNestedParentWithoutAttributes()
    {
        var record = await _client.QueryAsync("SELECT Lightspeed_Sale_Id__c, Store__r.Lightspeed_Shop_Id__c, Store__r.Name FROM Lightspeed_Sale__c WHERE Lightspeed_Sale_Id__c = 'Q-00003'")
            .SingleAsync();

        var store = record.GetProperty("Store__r");
        Assert.Multiple(() =>
        {
            Assert.That(record.TryGetProperty("attributes", out _), Is.False);
            Assert.That(store.GetProperty("Lightspeed_Shop_Id__c").GetString(), Is.EqualTo("S-1"));
            Assert.That(store.GetProperty("Name").GetString(), Is.EqualTo("Store 1"));
        });
    }

    [Test]
    public async Task QueryAsync_AggregateWithGroupBy_ReturnsOneRowPerGroup()
    {
        var rows = await _client.QueryAsync("SELECT Status__c, COUNT(Id) n, SUM(Total__c) total FROM Lightspeed_Sale__c GROUP BY Status__c")
            .ToDictionaryAsync(r => r.GetProperty("Status__c").GetString()!, r => (Count: r.GetProperty("n").GetInt32(), Total: r.GetProperty("total").GetDecimal()));

        var voided = Enumerable.Range(0, 4_500).Where(i => i % 3 == 0).ToList();
        var completed = Enumerable.Range(0, 4_500).Where(i => i % 3 != 0).ToList();
        Assert.That(rows["Voided"], Is.EqualTo((voided.Count, voided.Sum(i => (i % 10) + 0.5m))));
        Assert.That(rows["Completed"], Is.EqualTo((completed.Count, completed.Sum(i => (i % 10) + 0.5m))));
    }

    [Test]
    public async Task QueryAsync_CountOnly_ReportsNoRecordsButTheTotal()
    {
        var records = await _client.QueryAsync("SELECT COUNT() FROM Lightspeed_Store__c").ToListAsync();

        Assert.That(records, Is.Empty, "COUNT() answers totalSize with an empty record list");
    }

    [Test]
    public async Task QueryAllAsync_DeletedRecord_IncludedOnlyThere()
    {
        var id = await _client.CreateAsync("Lightspeed_Store__c", new Dictionary<string, object?> { ["Name"] = "Gone", ["Lightspeed_Shop_Id__c"] = "DEL-1" });
        await _client.DeleteAsync("Lightspeed_Store__c", id);

        var live = await _client.QueryAsync("SELECT Id FROM Lightspeed_Store__c WHERE Lightspeed_Shop_Id__c = 'DEL-1'").CountAsync();
        var all = await _client.QueryAllAsync("SELECT Id, IsDeleted FROM Lightspeed_Store__c WHERE Lightspeed_Shop_Id__c = 'DEL-1'").ToListAsync();

        Assert.That(live, Is.Zero);
        Assert.That(all.Select(r => (r.GetProperty("Id").GetString(), r.GetProperty("IsDeleted").GetBoolean())), Is.EqualTo(new[] { (id, true) }));
    }

    [Test]
    public void QueryAsync_MalformedQuery_ThrowsWithMalformedQueryCode()
    {
        var ex = Assert.ThrowsAsync<SalesforceApiException>(async () => await _client.QueryAsync("SELECT Id FROM Lightspeed_Sale__c WHERE").ToListAsync());

        Assert.That(ex!.ErrorCode, Is.EqualTo("MALFORMED_QUERY"));
        Assert.That(ex.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.BadRequest));
    }
    [Test]
    public async Task QueryManyAsync_SevenQueries_FiveToACompositeCallEachRecordTaggedWithItsQuery()
    {
        var soqls = Enumerable.Range(0, 7)
            .Select(i => $"SELECT Lightspeed_Sale_Id__c FROM Lightspeed_Sale__c WHERE Lightspeed_Sale_Id__c IN ('Q-{i:D5}', 'Q-{i + 100:D5}') ORDER BY Lightspeed_Sale_Id__c")
            .ToList();
        var composites = _client.Statistics.ApiCalls(SalesforceApiCallKind.Composite);
        var queries = _client.Statistics.ApiCalls(SalesforceApiCallKind.Query);

        var rows = await _client.QueryManyAsync(soqls).Select(r => (r.Query, Id: r.Record.GetProperty("Lightspeed_Sale_Id__c").GetString()!)).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rows, Is.EqualTo(Enumerable.Range(0, 7).SelectMany(i => new[] { (i, $"Q-{i:D5}"), (i, $"Q-{i + 100:D5}") })));
            Assert.That(_client.Statistics.ApiCalls(SalesforceApiCallKind.Composite) - composites, Is.EqualTo(2), "queries 0 to 4, then 5 and 6");
            Assert.That(_client.Statistics.ApiCalls(SalesforceApiCallKind.Query) - queries, Is.Zero, "no query sent on its own");
        });
    }

    [Test]
    public async Task QueryManyAsync_AQueryOfSeveralPages_ReadsItsLaterPagesFromNextRecordsUrl()
    {
        string[] soqls =
        [
            "SELECT Lightspeed_Sale_Id__c FROM Lightspeed_Sale__c WHERE Lightspeed_Sale_Id__c = 'Q-00042'",
            "SELECT Lightspeed_Sale_Id__c FROM Lightspeed_Sale__c ORDER BY Lightspeed_Sale_Id__c",
            "SELECT COUNT() FROM Lightspeed_Store__c",
        ];
        var queries = _client.Statistics.ApiCalls(SalesforceApiCallKind.Query);

        var rows = await _client.QueryManyAsync(soqls).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rows.Count(r => r.Query == 0), Is.EqualTo(1));
            Assert.That(rows.Where(r => r.Query == 1).Select(r => r.Record.GetProperty("Lightspeed_Sale_Id__c").GetString()).ToList(), Is.Unique.And.Count.EqualTo(4_500));
            Assert.That(rows.Select(r => r.Query), Is.Ordered, "query after query");
            Assert.That(_client.Statistics.ApiCalls(SalesforceApiCallKind.Query) - queries, Is.EqualTo(2), "the second query's pages two and three");
        });
    }

    [Test]
    public void QueryManyAsync_OneMalformedQuery_ThrowsWithItsCode()
    {
        string[] soqls = ["SELECT Id FROM Lightspeed_Store__c", "SELECT Id FROM Lightspeed_Sale__c WHERE"];

        var ex = Assert.ThrowsAsync<SalesforceApiException>(async () => await _client.QueryManyAsync(soqls).ToListAsync());

        Assert.That(ex!.ErrorCode, Is.EqualTo("MALFORMED_QUERY"));
        Assert.That(ex.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task QueryManyAsync_NoQuery_CostsNothing()
    {
        var calls = _client.Statistics.ApiCalls(SalesforceApiCallKind.Composite) + _client.Statistics.ApiCalls(SalesforceApiCallKind.Query);

        Assert.That(await _client.QueryManyAsync([]).CountAsync(), Is.Zero);
        Assert.That(_client.Statistics.ApiCalls(SalesforceApiCallKind.Composite) + _client.Statistics.ApiCalls(SalesforceApiCallKind.Query), Is.EqualTo(calls));
    }
}
