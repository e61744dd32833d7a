using System.Globalization;
using System.Net;
using Lightbridge.XSeries.Tests.Support;
using static Lightbridge.XSeries.Tests.Support.XSeriesHarness;

namespace Lightbridge.XSeries.Tests;

/// <summary>The version cursor over real HTTP: pages, gaps, the empty end page, the starting point and a stuck cursor.</summary>
public sealed class PagingTests
{
    [Test]
    public async Task GetCustomersAsync_PagesWithVersionGaps_FollowsVersionMaxUntilTheEmptyPage()
    {
        await using var harness = await StartAsync(request => request.Param("after") switch
        {
            // The server's own order is not trusted: the first page comes unsorted.
            null => Page("""{"id":"c-5","version":5},{"id":"c-3","version":3}""", min: 3, max: 5),
            "5" => Page("""{"id":"c-90","version":90}""", min: 90, max: 90),
            "90" => Page("""{"id":"c-1041","version":1041},{"id":"c-7000","version":7000}""", min: 1041, max: 7000),
            _ => EndPage(),
        });

        var customers = await ToListAsync(harness.Client.GetCustomersAsync(afterVersion: null));

        Assert.That(customers.Select(c => (c.Id.Value, c.ChangeVersion)), Is.EqualTo(new[]
        {
            ("c-3", (long?)3), ("c-5", 5), ("c-90", 90), ("c-1041", 1041), ("c-7000", 7000),
        }));
        Assert.That(harness.Server.ApiRequests.Select(r => r.Target), Is.EqualTo(new[]
        {
            "/api/2.0/customers?page_size=200&deleted=true",
            "/api/2.0/customers?page_size=200&after=5&deleted=true",
            "/api/2.0/customers?page_size=200&after=90&deleted=true",
            "/api/2.0/customers?page_size=200&after=7000&deleted=true",
        }));
        Assert.That(harness.Server.ApiRequests.Select(r => r.Authorization).Distinct(), Is.EqualTo(new[] { "Bearer access-1" }));
    }

    [Test]
    public async Task GetCustomersAsync_SecondRunFromTheLastChangeVersion_ReadsOnlyWhatChangedSince()
    {
        // A server that behaves as documented: records above `after`, ascending, at most page_size of them.
        var versions = new Dictionary<string, long> { ["c-1"] = 3, ["c-2"] = 8, ["c-3"] = 15, ["c-4"] = 16, ["c-5"] = 40 };
        await using var harness = await StartAsync(
            request =>
            {
                var after = long.Parse(request.Param("after") ?? "0", CultureInfo.InvariantCulture);
                var size = int.Parse(request.Param("page_size")!, CultureInfo.InvariantCulture);
                List<KeyValuePair<string, long>> page;
                lock (versions)
                {
                    page = [.. versions.Where(v => v.Value > after).OrderBy(v => v.Value).Take(size)];
                }

                return page.Count == 0
                    ? EndPage()
                    : Page(string.Join(",", page.Select(v => $$"""{"id":"{{v.Key}}","version":{{v.Value}}}""")), page[0].Value, page[^1].Value);
            },
            o => With(o, pageSize: 2));

        var first = await ToListAsync(harness.Client.GetCustomersAsync(null));
        var checkpoint = first[^1].ChangeVersion;
        lock (versions)
        {
            versions["c-2"] = 41; // An edit moves the record to the head of the change feed.
            versions["c-6"] = 44;
        }

        var second = await ToListAsync(harness.Client.GetCustomersAsync(checkpoint));

        Assert.That(first.Select(c => c.Id.Value), Is.EqualTo(new[] { "c-1", "c-2", "c-3", "c-4", "c-5" }));
        Assert.That(checkpoint, Is.EqualTo(40));
        Assert.That(second.Select(c => (c.Id.Value, c.ChangeVersion)), Is.EqualTo(new[] { ("c-2", (long?)41), ("c-6", 44) }));
    }

    [Test]
    public async Task GetSalesAsync_AfterVersionAndPageSize_StartAfterTheCheckpoint()
    {
        await using var harness = await StartAsync(
            request => request.Path switch
            {
                "/api/2.0/outlets" => EndPage(),
                _ when request.Param("after") == "41" => Page("""{"id":"s-1","version":"42","status":"CLOSED"}""", max: 42),
                _ => EndPage(),
            },
            options => With(options, pageSize: 50));

        var sales = await ToListAsync(harness.Client.GetSalesAsync(afterVersion: 41));

        Assert.That(sales.Single().ChangeVersion, Is.EqualTo(42), "a version sent as a string is read");
        Assert.That(harness.Server.ApiRequests.Where(r => r.Path == "/api/2.0/sales").Select(r => r.Query), Is.EqualTo(new[]
        {
            "?page_size=50&after=41",
            "?page_size=50&after=42",
        }));
    }

    [Test]
    public async Task GetInventoryAsync_PageWithoutEnvelopeVersion_AdvancesByTheRecordsOwnVersions()
    {
        await using var harness = await StartAsync(request => request.Param("after") switch
        {
            null => Page("""{"id":"i-1","product_id":"p-1","outlet_id":"o-1","inventory_level":4,"version":12}"""),
            _ => EndPage(),
        });

        var stock = await ToListAsync(harness.Client.GetInventoryAsync(afterVersion: null));

        Assert.That(stock.Single().ChangeVersion, Is.EqualTo(12));
        Assert.That(harness.Server.ApiRequests[^1].Param("after"), Is.EqualTo("12"));
    }

    [Test]
    public async Task GetProductsAsync_CursorThatDoesNotMove_FailsInsteadOfLoopingForever()
    {
        await using var harness = await StartAsync(_ => Page("""{"id":"p-1","version":9}""", max: 9));

        var ex = Assert.ThrowsAsync<XSeriesApiException>(async () => await ToListAsync(harness.Client.GetProductsAsync(afterVersion: null)));

        Assert.That(ex!.Message, Does.Contain("GET /api/2.0/products").And.Contain("past 9"));
        Assert.That(harness.Server.ApiRequests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task GetCustomerAsync_UnknownId_ReturnsNull()
    {
        await using var harness = await StartAsync(_ => ScriptedResponse.Error((int)HttpStatusCode.NotFound, """{"error":"Not Found","message":"Customer not found"}"""));

        var customer = await harness.Client.GetCustomerAsync(new("0a6f2f64-2544-11ee-efde-0ee40e148f72"));

        Assert.That(customer, Is.Null);
        Assert.That(harness.Server.ApiRequests.Single().Path, Is.EqualTo("/api/2.0/customers/0a6f2f64-2544-11ee-efde-0ee40e148f72"));
    }
}
