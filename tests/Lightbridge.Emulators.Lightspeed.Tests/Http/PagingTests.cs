using System.Globalization;

namespace Lightbridge.Emulators.Lightspeed.Tests.Http;

public sealed class PagingTests
{
    [Test]
    public async Task Next_IsFullUrlCarryingParamsAndOpaqueCursor()
    {
        await using var s = await EmulatorSession.StartAsync();
        var first = await s.GetAsync($"{s.AccountPath}/Sale.json?load_relations=%5B%22SaleLines%22%5D&completed=true&limit=10");
        Assert.That(first.Previous, Is.Empty, "page one has no previous");
        var next = new Uri(first.Next);
        Assert.That(next.IsAbsoluteUri, Is.True);
        Assert.That(next.GetLeftPart(UriPartial.Path), Is.EqualTo(new Uri(s.Emulator.BaseUrl, $"{s.AccountPath}/Sale.json").ToString()));
        Assert.That(next.Query, Does.Contain("load_relations=%5B%22SaleLines%22%5D").And.Contain("completed=true").And.Contain("limit=10").And.Contain("sort=saleID").And.Contain("after="));

        var second = await s.GetAsync(first.Next);
        Assert.That(second.Previous, Is.Not.Empty);
        Assert.That(second.Previous, Does.Contain("before="));
        var back = await s.GetAsync(second.Previous);
        Assert.That(back.Rows("Sale").Select(r => r.GetProperty("saleID").GetString()), Is.EqualTo(first.Rows("Sale").Select(r => r.GetProperty("saleID").GetString())));
    }

    [Test]
    public async Task FullPull_WhileRecordsChange_NeitherSkipsNorRepeats()
    {
        await using var s = await EmulatorSession.StartAsync(o => { o.Customers = 1100; o.Sales = 1200; });
        var seen = new List<int>();
        var url = $"{s.AccountPath}/Sale.json?load_relations=%5B%22SaleLines%22%2C%22SalePayments%22%5D";
        var added = new List<int>();
        var pages = 0;
        while (url.Length > 0)
        {
            var page = await s.GetAsync(url);
            Assert.That(page.Status, Is.EqualTo(200), page.Body);
            seen.AddRange(page.Rows("Sale").Select(r => int.Parse(r.GetProperty("saleID").GetString()!, CultureInfo.InvariantCulture)));
            // Between pages: a new sale, a void of an already-seen sale, a customer edit.
            added.Add(s.Emulator.Control.AddSale());
            var toVoid = seen[^1];
            var sale = (await s.GetAsync($"{s.AccountPath}/Sale/{toVoid}.json")).Json.GetProperty("Sale");
            if (sale.GetProperty("completed").GetString() == "true" && sale.GetProperty("voided").GetString() == "false")
            {
                s.Emulator.Control.VoidSale(toVoid);
            }

            url = page.Next;
            pages++;
        }

        Assert.That(pages, Is.GreaterThan(12));
        Assert.That(seen, Is.Unique);
        Assert.That(seen, Is.Ordered);
        var expected = Enumerable.Range(1, 1200).Concat(added.Take(added.Count - 1)).ToList();
        Assert.That(seen, Is.SupersetOf(expected), "every original sale and every sale added before the last page");
    }

    [Test]
    public async Task FullPull_TenThousandSalesWithRelations_CompletesQuickly()
    {
        await using var s = await EmulatorSession.StartAsync(o => { o.Sales = 10_000; o.Customers = 2000; });
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var seen = new HashSet<int>();
        var url = $"{s.AccountPath}/Sale.json?load_relations=%5B%22SaleLines%22%2C%22SalePayments%22%5D";
        while (url.Length > 0)
        {
            var page = await s.GetAsync(url);
            foreach (var row in page.Rows("Sale"))
            {
                Assert.That(seen.Add(int.Parse(row.GetProperty("saleID").GetString()!, CultureInfo.InvariantCulture)), Is.True);
            }

            url = page.Next;
        }

        stopwatch.Stop();
        TestContext.Out.WriteLine($"10,000 sales in {stopwatch.ElapsedMilliseconds} ms");
        Assert.That(seen, Has.Count.EqualTo(10_000));
    }

    [Test]
    public async Task SortedByTimeStamp_PullsEveryRowOnce()
    {
        await using var s = await EmulatorSession.StartAsync(o => o.Customers = 450);
        var ids = new List<string>();
        var url = $"{s.AccountPath}/Customer.json?archived=true&sort=timeStamp&limit=40";
        while (url.Length > 0)
        {
            var page = await s.GetAsync(url);
            ids.AddRange(page.Rows("Customer").Select(r => r.GetProperty("customerID").GetString()!));
            url = page.Next;
        }

        Assert.That(ids, Has.Count.EqualTo(450));
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public async Task Cursor_Tampered_Returns400()
    {
        await using var s = await EmulatorSession.StartAsync();
        var r = await s.GetAsync($"{s.AccountPath}/Sale.json?after=bm90LWEtY3Vyc29y");
        Assert.That(r.Status, Is.EqualTo(400));
    }

    [Test]
    public async Task SameSeed_GivesByteIdenticalResponses()
    {
        await using var a = await EmulatorSession.StartAsync(o => o.Seed = 42);
        await using var b = await EmulatorSession.StartAsync(o => o.Seed = 42);
        await using var c = await EmulatorSession.StartAsync(o => o.Seed = 43);
        const string query = "Sale.json?load_relations=%5B%22SaleLines%22%2C%22SalePayments%22%2C%22Customer.Contact%22%5D";
        string Body(EmulatorSession s, ApiResponse r) => r.Body.Replace(s.Emulator.BaseUrl.Authority, "HOST", StringComparison.Ordinal);
        var ra = await a.GetAsync($"{a.AccountPath}/{query}");
        var rb = await b.GetAsync($"{b.AccountPath}/{query}");
        var rc = await c.GetAsync($"{c.AccountPath}/{query}");
        Assert.That(Body(a, ra), Is.EqualTo(Body(b, rb)));
        Assert.That(Body(a, ra), Is.Not.EqualTo(Body(c, rc)));
        var ca = await a.GetAsync($"{a.AccountPath}/Customer.json?load_relations=%5B%22Contact%22%5D");
        var cb = await b.GetAsync($"{b.AccountPath}/Customer.json?load_relations=%5B%22Contact%22%5D");
        Assert.That(Body(a, ca), Is.EqualTo(Body(b, cb)));
    }
}
