using System.Text.Json;

namespace Lightbridge.Emulators.XSeries.Tests;

public sealed class PagingTests
{
    private static async Task<List<JsonElement>> WalkAsync(XSeriesSession s, string collection, string extra = "", int pageSize = 50)
    {
        var rows = new List<JsonElement>();
        long after = 0;
        for (var guard = 0; guard < 1000; guard++)
        {
            var page = await s.GetAsync($"/api/2.0/{collection}?after={after}&page_size={pageSize}{extra}");
            Assert.That(page.Status, Is.EqualTo(200), page.Body);
            if (page.Data.Count == 0)
            {
                Assert.That(page.Json.GetProperty("version").GetProperty("max").ValueKind, Is.EqualTo(JsonValueKind.Null));
                return rows;
            }

            var versions = page.Data.Select(r => r.GetProperty("version").GetInt64()).ToList();
            Assert.That(page.Json.GetProperty("version").GetProperty("min").GetInt64(), Is.EqualTo(versions[0]));
            Assert.That(page.Json.GetProperty("version").GetProperty("max").GetInt64(), Is.EqualTo(versions[^1]));
            rows.AddRange(page.Data);
            after = versions[^1];
        }

        Assert.Fail("paging did not end");
        return rows;
    }

    [Test]
    public async Task Sales_WalkedByVersion_EveryRowOnceAscendingWithGapsThenEmptyPage()
    {
        await using var s = await XSeriesSession.StartAsync();
        var rows = await WalkAsync(s, "sales");
        var versions = rows.Select(r => r.GetProperty("version").GetInt64()).ToList();
        Assert.That(rows, Has.Count.EqualTo(s.Control.SaleIds().Count));
        Assert.That(rows.Select(r => r.GetProperty("id").GetString()).Distinct().Count(), Is.EqualTo(rows.Count));
        Assert.That(versions, Is.Ordered.Ascending);
        Assert.That(versions.Zip(versions.Skip(1), (a, b) => b - a).Any(d => d > 1), Is.True, "versions must leave gaps");
    }

    [Test]
    public async Task List_DefaultPageSizeIs100_AndLargerRequestsAreCappedAt200()
    {
        await using var s = await XSeriesSession.StartAsync(o => o.Sales = 260);
        Assert.That((await s.GetAsync("/api/2.0/sales")).Data, Has.Count.EqualTo(100));
        Assert.That((await s.GetAsync("/api/2.0/sales?page_size=10000")).Data, Has.Count.EqualTo(200));
    }

    [Test]
    public async Task List_AfterAndBefore_BoundTheVersionsExclusively()
    {
        await using var s = await XSeriesSession.StartAsync();
        var all = (await s.GetAsync("/api/2.0/customers?page_size=200")).Data.Select(r => r.GetProperty("version").GetInt64()).ToList();
        var after = all[3];
        var before = all[10];
        var page = await s.GetAsync($"/api/2.0/customers?after={after}&before={before}");
        Assert.That(page.Data.Select(r => r.GetProperty("version").GetInt64()), Is.EqualTo(all.Skip(4).Take(6)));
    }

    [Test]
    public async Task ChangeFeed_AfterBookmark_ReturnsOnlyTheChangedRecordWithItsNewVersion()
    {
        await using var s = await XSeriesSession.StartAsync();
        var bookmark = s.Control.CurrentVersion;
        var customerId = s.Control.CustomerIds()[5];
        var change = s.Control.UpdateCustomer(customerId);
        Assert.That(change.Version, Is.GreaterThan(bookmark));

        var page = await s.GetAsync($"/api/2.0/customers?after={bookmark}");
        Assert.That(page.Data, Has.Count.EqualTo(1));
        Assert.That(page.Data[0].GetProperty("id").GetString(), Is.EqualTo(customerId));
        Assert.That(page.Data[0].GetProperty("version").GetInt64(), Is.EqualTo(change.Version));
        Assert.That(page.Data[0].GetProperty("updated_at").GetString(), Is.EqualTo("2026-11-01T12:00:00+00:00"));
        Assert.That((await s.GetAsync($"/api/2.0/sales?after={bookmark}")).Data, Is.Empty);
    }

    [Test]
    public async Task Deleted_CustomerAndProduct_HiddenUnlessDeletedTrue()
    {
        await using var s = await XSeriesSession.StartAsync();
        var bookmark = s.Control.CurrentVersion;
        var customer = s.Control.DeleteCustomer(s.Control.CustomerIds()[0]);
        var product = s.Control.DeleteProduct(s.Control.ProductIds()[0]);

        Assert.That((await s.GetAsync($"/api/2.0/customers?after={bookmark}")).Data, Is.Empty);
        Assert.That((await s.GetAsync($"/api/2.0/products?after={bookmark}")).Data, Is.Empty);

        var customers = (await s.GetAsync($"/api/2.0/customers?after={bookmark}&deleted=true")).Data;
        Assert.That(customers.Single().GetProperty("id").GetString(), Is.EqualTo(customer.Id));
        Assert.That(customers.Single().GetProperty("deleted_at").GetString(), Is.EqualTo("2026-11-01T12:00:00+00:00"));
        var products = (await s.GetAsync($"/api/2.0/products?after={bookmark}&deleted=true")).Data;
        Assert.That(products.Single().GetProperty("id").GetString(), Is.EqualTo(product.Id));
        Assert.That(products.Single().GetProperty("version").GetInt64(), Is.EqualTo(product.Version));

        var all = await WalkAsync(s, "customers", pageSize: 200);
        Assert.That(all.Any(c => c.GetProperty("id").GetString() == customer.Id), Is.False);
    }

    [TestCase("after=abc", "after")]
    [TestCase("before=-1", "before")]
    [TestCase("page_size=0", "page_size")]
    public async Task List_BadCursorParameter_Returns400NamingIt(string query, string field)
    {
        await using var s = await XSeriesSession.StartAsync();
        var reply = await s.GetAsync($"/api/2.0/sales?{query}");
        Assert.That(reply.Status, Is.EqualTo(400));
        Assert.That(reply.Json.GetProperty("message").GetString(), Does.StartWith(field + ":"));
    }

    [Test]
    public async Task Sale_Single_HasTheDocumentedShapeAndTypes()
    {
        await using var s = await XSeriesSession.StartAsync();
        var refund = (await WalkAsync(s, "sales", pageSize: 200)).First(r => r.GetProperty("return_for").ValueKind == JsonValueKind.String);
        var reply = await s.GetAsync($"/api/2.0/sales/{refund.GetProperty("id").GetString()}");
        Assert.That(reply.Status, Is.EqualTo(200));
        Assert.That(reply.Body, Does.Contain("+00:00\"").And.Not.Contain("\\u002B"), "offsets are written literally");
        var sale = reply.Json.GetProperty("data");
        Assert.That(Guid.TryParse(sale.GetProperty("id").GetString(), out _), Is.True);
        Assert.That(sale.GetProperty("total_price").ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(sale.GetProperty("sale_date").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$"));
        Assert.That(sale.GetProperty("deleted_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var line = sale.GetProperty("line_items")[0];
        Assert.That(line.GetProperty("quantity").GetDecimal(), Is.LessThan(0));
        Assert.That(line.GetProperty("is_return").GetBoolean(), Is.True);
        Assert.That(sale.GetProperty("payments")[0].GetProperty("amount").GetDecimal(), Is.LessThan(0));
        Assert.That(sale.GetProperty("total_price").GetDecimal(), Is.EqualTo(sale.GetProperty("line_items").EnumerateArray().Sum(l => l.GetProperty("price_total").GetDecimal())));

        Assert.That((await s.GetAsync($"/api/2.0/sales/{Guid.NewGuid()}")).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Seed_SameSeed_GivesIdenticalResponses()
    {
        await using var a = await XSeriesSession.StartAsync(o => o.Seed = 42);
        await using var b = await XSeriesSession.StartAsync(o => o.Seed = 42);
        foreach (var c in new[] { "outlets", "registers", "customers", "products", "inventory", "sales", "payment_types" })
        {
            Assert.That((await a.GetAsync($"/api/2.0/{c}?page_size=200")).Body, Is.EqualTo((await b.GetAsync($"/api/2.0/{c}?page_size=200")).Body), c);
        }
    }

    [Test]
    public async Task Seeded_DataHasStatusesOutletZonesAndMessyContacts()
    {
        await using var s = await XSeriesSession.StartAsync(o => o.Outlets = 3);
        var sales = await WalkAsync(s, "sales", pageSize: 200);
        var statuses = sales.Select(x => x.GetProperty("status").GetString()).ToHashSet();
        Assert.That(statuses, Is.SupersetOf(new[] { "CLOSED", "VOIDED" }));
        var zones = (await s.GetAsync("/api/2.0/outlets")).Data.Select(o => o.GetProperty("time_zone").GetString()).ToList();
        Assert.That(zones, Has.Count.EqualTo(3).And.Contains("Pacific/Auckland"));
        var customers = (await s.GetAsync("/api/2.0/customers?page_size=200")).Data;
        Assert.That(customers.Any(c => c.GetProperty("email").ValueKind == JsonValueKind.String && c.GetProperty("email").GetString()!.Trim() != c.GetProperty("email").GetString()), Is.True);
        Assert.That((await s.GetAsync("/api/2.0/inventory")).Data[0].GetProperty("inventory_level").ValueKind, Is.EqualTo(JsonValueKind.Number));
    }
}
