using System.Net;
using System.Text.Json.Nodes;

namespace Lightbridge.Emulators.Salesforce.Tests.Http;

public sealed class QueryTests
{
    private static async Task<TestOrg> SeededAsync()
    {
        var org = await TestOrg.StartAsync();
        var account = await org.CreateAsync("Account", new JsonObject { ["Name"] = "Acme" });
        org.Emulator.Control.LoadRecords("Contact", [
            new JsonObject { ["FirstName"] = "Ann", ["LastName"] = "Smith", ["Email"] = "ann@example.com", ["AccountId"] = account, ["Customer_Id__c"] = "1-1" },
            new JsonObject { ["FirstName"] = "Bob", ["LastName"] = "smythe", ["Email"] = "bob@example.com", ["Customer_Id__c"] = "1-2" },
            new JsonObject { ["FirstName"] = "Cid", ["LastName"] = "Jones", ["Customer_Id__c"] = "1-3" },
        ]);
        return org;
    }

    private static async Task<JsonNode> OkAsync(TestOrg org, string soql)
    {
        var (status, body, _) = await org.QueryAsync(soql);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return body!;
    }

    private static IEnumerable<string> Names(JsonNode body, string field = "FirstName") =>
        body["records"]!.AsArray().Select(r => r![field]?.ToString() ?? "null");

    [Test]
    public async Task QueryAll_DeletedRecord_ListedWithIsDeletedWhileQueryOmitsIt()
    {
        await using var org = await SeededAsync();
        var cid = (await OkAsync(org, "SELECT Id FROM Contact WHERE FirstName = 'Cid'"))["records"]![0]!["Id"]!.ToString();
        var (deleted, _, _) = await org.DeleteAsync($"sobjects/Contact/{cid}");

        var query = await OkAsync(org, "SELECT FirstName FROM Contact ORDER BY FirstName");
        var (status, all, _) = await org.GetAsync("queryAll?q=" + Uri.EscapeDataString("SELECT FirstName, IsDeleted FROM Contact ORDER BY FirstName"));

        Assert.Multiple(() =>
        {
            Assert.That((deleted, status), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.OK)));
            Assert.That(Names(query), Is.EqualTo(new[] { "Ann", "Bob" }));
            Assert.That(Names(all!), Is.EqualTo(new[] { "Ann", "Bob", "Cid" }));
            Assert.That(Names(all!, "IsDeleted"), Is.EqualTo(new[] { "false", "false", "true" }));
        });
    }

    [Test]
    public async Task Query_ParentField_NestsUnderRelationship_NullWhenMissing()
    {
        await using var org = await SeededAsync();
        var body = await OkAsync(org, "SELECT FirstName, Account.Name FROM Contact ORDER BY FirstName");
        var records = body["records"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(body["totalSize"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(body["done"]!.GetValue<bool>(), Is.True);
            Assert.That(records[0]!["attributes"]!["type"]!.ToString(), Is.EqualTo("Contact"));
            Assert.That(records[0]!["Account"]!["Name"]!.ToString(), Is.EqualTo("Acme"));
            Assert.That(records[0]!["Account"]!["attributes"]!["type"]!.ToString(), Is.EqualTo("Account"));
            Assert.That(records[1]!.AsObject().ContainsKey("Account"), Is.True);
            Assert.That(records[1]!["Account"], Is.Null);
        });
    }

    [TestCase("SELECT FirstName FROM Contact WHERE LastName = 'SMITH'", "Ann")]
    [TestCase("SELECT FirstName FROM Contact WHERE LastName LIKE 'sm%'", "Ann,Bob")]
    [TestCase("SELECT FirstName FROM Contact WHERE Email = null", "Cid")]
    [TestCase("SELECT FirstName FROM Contact WHERE Email != null AND FirstName != 'Ann'", "Bob")]
    [TestCase("SELECT FirstName FROM Contact WHERE Customer_Id__c IN ('1-1', '1-3')", "Ann,Cid")]
    [TestCase("SELECT FirstName FROM Contact WHERE Customer_Id__c NOT IN ('1-1', '1-3')", "Bob")]
    [TestCase("SELECT FirstName FROM Contact WHERE NOT (FirstName = 'Ann' OR FirstName = 'Bob')", "Cid")]
    [TestCase("SELECT FirstName FROM Contact WHERE FirstName > 'Ann' AND FirstName <= 'Cid'", "Bob,Cid")]
    [TestCase("SELECT FirstName FROM Contact WHERE Account.Name = 'Acme'", "Ann")]
    [TestCase("SELECT FirstName FROM Contact WHERE CreatedDate = TODAY", "Ann,Bob,Cid")]
    [TestCase("SELECT FirstName FROM Contact WHERE CreatedDate < YESTERDAY", "")]
    [TestCase("SELECT FirstName FROM Contact WHERE CreatedDate >= 2026-03-14T00:00:00Z", "Ann,Bob,Cid")]
    [TestCase("SELECT FirstName FROM Contact WHERE CreatedDate > 2026-03-14T12:00:00.000+0000", "")]
    [TestCase("SELECT FirstName FROM Contact ORDER BY Email DESC NULLS LAST", "Bob,Ann,Cid")]
    [TestCase("SELECT FirstName FROM Contact ORDER BY Email NULLS LAST", "Ann,Bob,Cid")]
    [TestCase("SELECT FirstName FROM Contact ORDER BY Email", "Cid,Ann,Bob")]
    [TestCase("SELECT FirstName FROM Contact ORDER BY FirstName LIMIT 2 OFFSET 1", "Bob,Cid")]
    public async Task Query_Where_OrderBy_Limit_FilterAsTheOrgDoes(string soql, string expected)
    {
        await using var org = await SeededAsync();
        var body = await OkAsync(org, soql);
        var names = Names(body).ToList();
        if (!soql.Contains("ORDER BY", StringComparison.Ordinal))
        {
            names.Sort(StringComparer.Ordinal);
        }

        Assert.That(string.Join(",", names), Is.EqualTo(expected));
    }

    [Test]
    public async Task Query_CountOnly_ReturnsTotalSizeAndNoRecords()
    {
        await using var org = await SeededAsync();
        var body = await OkAsync(org, "SELECT COUNT() FROM Contact WHERE Email != null");
        Assert.That(body.ToJsonString(), Is.EqualTo("{\"totalSize\":2,\"done\":true,\"records\":[]}"));
    }

    [Test]
    public async Task Query_Aggregates_GroupByWithAliasesAndExprNames()
    {
        await using var org = await TestOrg.StartAsync();
        var s1 = await org.CreateStoreAsync("1-1", "A");
        var s2 = await org.CreateStoreAsync("1-2", "B");
        org.Emulator.Control.LoadRecords("Sale__c", [
            new JsonObject { ["Sale_Id__c"] = "1", ["Store__c"] = s1, ["Total__c"] = 10 },
            new JsonObject { ["Sale_Id__c"] = "2", ["Store__c"] = s1, ["Total__c"] = 5.5 },
            new JsonObject { ["Sale_Id__c"] = "3", ["Store__c"] = s2, ["Total__c"] = 1 },
        ]);
        var body = await OkAsync(org, "SELECT Store__c, SUM(Total__c) total, COUNT(Id), MAX(Total__c) FROM Sale__c GROUP BY Store__c ORDER BY SUM(Total__c) DESC");
        var rows = body["records"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(2));
            Assert.That(rows[0]!["attributes"]!["type"]!.ToString(), Is.EqualTo("AggregateResult"));
            Assert.That(rows[0]!["Store__c"]!.ToString(), Is.EqualTo(s1));
            Assert.That(rows[0]!["total"]!.GetValue<decimal>(), Is.EqualTo(15.5m));
            Assert.That(rows[0]!["expr0"]!.ToJsonString(), Is.EqualTo("2"));
            Assert.That(rows[0]!["expr1"]!.GetValue<decimal>(), Is.EqualTo(10m));
            Assert.That(rows[1]!["total"]!.GetValue<decimal>(), Is.EqualTo(1m));
        });

        var ungrouped = await org.QueryAsync("SELECT Name, COUNT(Id) FROM Sale__c");
        Assert.That(ungrouped.Body![0]!["message"]!.ToString(), Does.EndWith("Field must be grouped or aggregated: Name"));
    }

    [Test]
    public async Task Query_MoreThanOneBatch_PagesWithNextRecordsUrl()
    {
        await using var org = await TestOrg.StartAsync();
        org.Emulator.Control.LoadRecords("Account", Enumerable.Range(0, 4500).Select(i => new JsonObject { ["Name"] = $"A{i:D5}" }));
        var first = await OkAsync(org, "SELECT Name FROM Account ORDER BY Name");
        var next = first["nextRecordsUrl"]!.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(first["totalSize"]!.GetValue<int>(), Is.EqualTo(4500));
            Assert.That(first["done"]!.GetValue<bool>(), Is.False);
            Assert.That(first["records"]!.AsArray(), Has.Count.EqualTo(2000));
            Assert.That(next, Does.Match("^/services/data/v62.0/query/01g[0-9A-Za-z]{15}-2000$"));
        });
        var second = (await org.GetAsync(next)).Body!;
        var third = (await org.GetAsync(second["nextRecordsUrl"]!.ToString())).Body!;
        Assert.Multiple(() =>
        {
            Assert.That(second["records"]![0]!["Name"]!.ToString(), Is.EqualTo("A02000"));
            Assert.That(second["nextRecordsUrl"]!.ToString(), Does.EndWith("-4000"));
            Assert.That(third["records"]!.AsArray(), Has.Count.EqualTo(500));
            Assert.That(third["done"]!.GetValue<bool>(), Is.True);
            Assert.That(third.AsObject().ContainsKey("nextRecordsUrl"), Is.False);
        });
    }

    [Test]
    public async Task Query_BatchSizeHeader_ShrinksThePage()
    {
        await using var org = await TestOrg.StartAsync();
        org.Emulator.Control.LoadRecords("Account", Enumerable.Range(0, 450).Select(i => new JsonObject { ["Name"] = $"A{i}" }));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/services/data/v62.0/query?q=SELECT+Name+FROM+Account");
        request.Headers.Add("Sforce-Query-Options", "batchSize=200");
        using var response = await org.Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(body["records"]!.AsArray(), Has.Count.EqualTo(200));
        Assert.That(body["nextRecordsUrl"]!.ToString(), Does.EndWith("-200"));
    }

    [Test]
    public async Task Query_EleventhOpenCursor_ReleasesTheOldest()
    {
        await using var org = await TestOrg.StartAsync(o => o.QueryBatchSize = 200);
        org.Emulator.Control.LoadRecords("Account", Enumerable.Range(0, 201).Select(i => new JsonObject { ["Name"] = $"A{i}" }));
        var locators = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            locators.Add((await OkAsync(org, "SELECT Name FROM Account"))["nextRecordsUrl"]!.ToString());
        }

        var (oldest, error, _) = await org.GetAsync(locators[0]);
        Assert.That((oldest, error![0]!["errorCode"]!.ToString()), Is.EqualTo((HttpStatusCode.BadRequest, "INVALID_QUERY_LOCATOR")));
        Assert.That((await org.GetAsync(locators[1])).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Query_Errors_UseTheOrgCodesAndMessages()
    {
        await using var org = await SeededAsync();
        var cases = new (string Soql, string Code, string Tail)[]
        {
            ("SELECT Id FROM Contact WHERE", "MALFORMED_QUERY", "unexpected token: <EOF>"),
            ("SELECT Shoe__c FROM Contact", "INVALID_FIELD", "No such column 'Shoe__c' on entity 'Contact'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names."),
            ("SELECT Foo__r.Name FROM Contact", "INVALID_FIELD", "Didn't understand relationship 'Foo__r' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names."),
            ("SELECT Id FROM Nope__c", "INVALID_TYPE", "sObject type 'Nope__c' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names."),
            ("SELECT Id FROM Contact WHERE CreatedDate = '2024-01-01'", "INVALID_FIELD", "value of filter criterion for field 'CreatedDate' must be of type dateTime and should not be enclosed in quotes"),
            ("SELECT Id FROM Contact WHERE LastName = 5", "INVALID_FIELD", "value of filter criterion for field 'LastName' must be of type string and should be enclosed in quotes"),
        };
        foreach (var (soql, code, tail) in cases)
        {
            var (status, body, _) = await org.QueryAsync(soql);
            Assert.Multiple(() =>
            {
                Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), soql);
                Assert.That(body![0]!["errorCode"]!.ToString(), Is.EqualTo(code), soql);
                Assert.That(body[0]!["message"]!.ToString(), Does.EndWith(tail).And.Contain("ERROR at Row:1:Column:"), soql);
            });
        }
    }

    [Test]
    public async Task Query_UriOver16384Bytes_Is414()
    {
        await using var org = await SeededAsync();
        var emails = string.Join(",", Enumerable.Range(0, 1000).Select(i => $"'person{i}@example.com'"));
        var (status, _, _) = await org.QueryAsync($"SELECT Id FROM Contact WHERE Email IN ({emails})");
        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestUriTooLong));
        var (ok, _, _) = await org.QueryAsync($"SELECT Id FROM Contact WHERE Email IN ({string.Join(",", Enumerable.Range(0, 100).Select(i => $"'p{i}@example.com'"))})");
        Assert.That(ok, Is.EqualTo(HttpStatusCode.OK));
    }
}
