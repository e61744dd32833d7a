using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lightbridge.Emulators.Lightspeed.Tests.Http;

public sealed partial class WireShapeTests
{
    private static EmulatorSession _s = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _s = await EmulatorSession.StartAsync(o => { o.Shops = 4; o.Sales = 800; });

    [OneTimeTearDown]
    public async Task StopAsync() => await _s.DisposeAsync();

    private static string P(string rest) => $"{_s.AccountPath}/{rest}";

    private const string AllSaleRelations = "load_relations=%5B%22SaleLines%22%2C%22SaleLines.Item%22%2C%22SalePayments%22%2C%22SalePayments.PaymentType%22%2C%22Customer%22%2C%22Customer.Contact%22%5D";

    private static async Task<List<JsonElement>> AllSalesAsync()
    {
        var rows = new List<JsonElement>();
        var url = P($"Sale.json?{AllSaleRelations}");
        while (url.Length > 0)
        {
            var page = await _s.GetAsync(url);
            Assert.That(page.Status, Is.EqualTo(200), page.Body);
            rows.AddRange(page.Rows("Sale"));
            url = page.Next;
        }

        return rows;
    }

    private static IEnumerable<JsonElement> Many(JsonElement parent, string container, string element)
    {
        // An empty Contact part is "" rather than an object (reference section 9 item 2).
        if (!parent.TryGetProperty(container, out var c) || c.ValueKind == JsonValueKind.String)
        {
            return [];
        }

        var v = c.GetProperty(element);
        return v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToList() : [v];
    }

    [Test]
    public async Task Account_List_HasCountAndLink()
    {
        var r = await _s.GetAsync("/API/V3/Account.json");
        Assert.That(r.Body, Is.EqualTo($"{{\"@attributes\":{{\"count\":\"1\"}},\"Account\":{{\"accountID\":\"{_s.Emulator.AccountId}\",\"name\":\"Lightbridge Demo Retail\",\"link\":{{\"@attributes\":{{\"href\":\"/API/V3/Account/{_s.Emulator.AccountId}\"}}}}}}}}"));
    }

    [Test]
    public async Task Single_ById_WrapsInCountOne()
    {
        var r = await _s.GetAsync(P("Customer/7.json"));
        Assert.That(r.Body, Does.StartWith("{\"@attributes\":{\"count\":\"1\"},\"Customer\":{\"customerID\":\"7\","));
    }

    [Test]
    public async Task Single_UnknownId_Returns404Envelope()
    {
        var r = await _s.GetAsync(P("Customer/999999.json"));
        Assert.That(r.Status, Is.EqualTo(404));
        Assert.That(r.Json.GetProperty("httpCode").GetString(), Is.EqualTo("404"));
        Assert.That(r.Json.GetProperty("httpMessage").GetString(), Is.EqualTo("Not Found"));
        Assert.That(r.Json.GetProperty("message").GetString(), Does.Contain("Customer"));
        Assert.That(r.Json.GetProperty("errorClass").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task List_OneRow_IsAnObjectNotAnArray()
    {
        var r = await _s.GetAsync(P("Customer.json?customerID=7"));
        Assert.That(r.Json.GetProperty("Customer").ValueKind, Is.EqualTo(JsonValueKind.Object));
        Assert.That(r.Next, Is.Empty);
        Assert.That(r.Previous, Is.Empty);
    }

    [Test]
    public async Task List_NoRows_HasNoEntityKey()
    {
        var r = await _s.GetAsync(P("Customer.json?customerID=999999"));
        Assert.That(r.Body, Is.EqualTo("{\"@attributes\":{\"next\":\"\",\"previous\":\"\"}}"));
    }

    [Test]
    public async Task EveryLeafValue_IsAString()
    {
        var bodies = new[]
        {
            (await _s.GetAsync(P($"Sale.json?{AllSaleRelations}"))).Json,
            (await _s.GetAsync(P("Customer.json?load_relations=%5B%22Contact%22%5D"))).Json,
            (await _s.GetAsync(P("Item.json?load_relations=%5B%22ItemShops%22%5D"))).Json,
            (await _s.GetAsync(P("Shop.json"))).Json,
            (await _s.GetAsync(P("Register.json"))).Json,
            (await _s.GetAsync(P("PaymentType.json"))).Json,
            (await _s.GetAsync(P("SaleVoid.json"))).Json,
            (await _s.GetAsync(P("ItemShop.json"))).Json,
        };
        var offenders = new List<string>();
        foreach (var body in bodies)
        {
            Walk(body, "$", offenders);
        }

        Assert.That(offenders, Is.Empty);
    }

    private static void Walk(JsonElement e, string path, List<string> offenders)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    Walk(p.Value, path + "." + p.Name, offenders);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, path + "[]", offenders);
                }

                break;
            case JsonValueKind.String:
                break;
            default:
                offenders.Add(path + " is " + e.ValueKind);
                break;
        }
    }

    [Test]
    public async Task DateTimes_AreUtcWithExplicitOffset()
    {
        var r = await _s.GetAsync(P("Sale.json?limit=5"));
        foreach (var sale in r.Rows("Sale"))
        {
            Assert.That(sale.GetProperty("timeStamp").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$"));
            Assert.That(sale.TryGetProperty("updatetime", out _), Is.True, "the Sale field is spelled updatetime");
        }
    }

    [Test]
    public async Task Contact_EmptyParts_AreEmptyStringsAndAddressIsObject()
    {
        var page = await _s.GetAsync(P("Customer.json?archived=true&load_relations=%5B%22Contact%22%5D"));
        var contacts = page.Rows("Customer").Select(c => c.GetProperty("Contact")).ToList();
        Assert.That(contacts.Any(c => c.GetProperty("Phones").ValueKind == JsonValueKind.String && c.GetProperty("Phones").GetString() == string.Empty), "some Phones are \"\"");
        Assert.That(contacts.Any(c => c.GetProperty("Websites").GetRawText() == "\"\""), "some Websites are \"\"");
        Assert.That(contacts.Any(c => c.GetProperty("Emails").ValueKind == JsonValueKind.Object && c.GetProperty("Emails").GetProperty("ContactEmail").ValueKind == JsonValueKind.Object), "one email is an object");
        Assert.That(contacts.All(c => c.GetProperty("Addresses").GetProperty("ContactAddress").ValueKind == JsonValueKind.Object));
        Assert.That(contacts.Any(c => c.GetProperty("Addresses").GetProperty("ContactAddress").EnumerateObject().All(p => p.Value.GetString() == string.Empty)), "an address of empty strings");
    }

    [Test]
    public async Task Customer_Dob_IsLocalMidnightOfAccountZoneInUtc()
    {
        var page = await _s.GetAsync(P("Customer.json?dob=%3E%2C1900-01-01"));
        var dobs = page.Rows("Customer").Select(c => DateTimeOffset.Parse(c.GetProperty("dob").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(dobs, Is.Not.Empty);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");
        foreach (var dob in dobs)
        {
            Assert.That(TimeZoneInfo.ConvertTime(dob, zone).TimeOfDay, Is.EqualTo(TimeSpan.Zero));
            Assert.That(dob.Hour, Is.EqualTo(4).Or.EqualTo(5), "Toronto midnight is 04:00 or 05:00 UTC");
        }
    }

    [Test]
    public async Task Shops_IncludeLegacyZoneName()
    {
        var r = await _s.GetAsync(P("Shop.json"));
        var zones = r.Rows("Shop").Select(s => s.GetProperty("timeZone").GetString()).ToList();
        Assert.That(zones, Does.Contain("US/Pacific").And.Contain("America/Toronto").And.Contain("Europe/Amsterdam"));
    }

    [Test]
    public async Task Sales_CarryEveryDocumentedQuirk()
    {
        var sales = await AllSalesAsync();
        var lines = sales.SelectMany(s => Many(s, "SaleLines", "SaleLine")).ToList();

        Assert.That(sales.Any(s => s.GetProperty("customerID").GetString() == "0" && !s.TryGetProperty("Customer", out _)), "walk-in sales without a Customer");
        Assert.That(sales.Any(s => s.TryGetProperty("Customer", out var c) && c.TryGetProperty("Contact", out _)), "Customer.Contact loaded");
        Assert.That(lines.Any(l => l.GetProperty("itemID").GetString() == "0" && !l.TryGetProperty("Item", out _)), "misc lines");
        Assert.That(lines.Any(l => l.TryGetProperty("Item", out var i) && i.TryGetProperty("Prices", out _)), "SaleLines.Item loaded");
        Assert.That(sales.Any(s => s.GetProperty("SaleLines").GetProperty("SaleLine").ValueKind == JsonValueKind.Object), "a one-line sale has SaleLine as an object");
        Assert.That(sales.Any(s => s.TryGetProperty("SalePayments", out var p) && p.GetProperty("SalePayment").ValueKind == JsonValueKind.Array), "split payments");
        Assert.That(Many(sales.First(s => s.TryGetProperty("SalePayments", out _)), "SalePayments", "SalePayment").First().TryGetProperty("PaymentType", out _), Is.True);

        var refundLines = lines.Where(l => l.GetProperty("parentSaleLineID").GetString() != "0").ToList();
        Assert.That(refundLines, Is.Not.Empty);
        Assert.That(refundLines.All(l => l.GetProperty("unitQuantity").GetString()!.StartsWith('-')), "refund lines have negative quantities");
        Assert.That(refundLines.All(l => !l.GetProperty("unitPrice").GetString()!.StartsWith('-')), "refund unit prices stay positive");
        var lineIds = lines.Select(l => l.GetProperty("saleLineID").GetString()).ToHashSet();
        Assert.That(refundLines.All(l => lineIds.Contains(l.GetProperty("parentSaleLineID").GetString())), "parents exist");
        var refundSaleIds = refundLines.Select(l => l.GetProperty("saleID").GetString()).ToHashSet();
        var refundPayments = sales.Where(s => refundSaleIds.Contains(s.GetProperty("saleID").GetString())).SelectMany(s => Many(s, "SalePayments", "SalePayment"));
        Assert.That(refundPayments.All(p => p.GetProperty("amount").GetString()!.StartsWith('-')), "refund payments are negative");

        var voided = sales.Where(s => s.GetProperty("voided").GetString() == "true").ToList();
        Assert.That(voided, Is.Not.Empty);
        Assert.That(voided.All(s => s.GetProperty("completed").GetString() == "true"));
        Assert.That(voided.All(s => string.CompareOrdinal(s.GetProperty("updatetime").GetString(), s.GetProperty("completeTime").GetString()) > 0), "a void moves updatetime past completeTime");

        var open = sales.Where(s => s.GetProperty("completed").GetString() == "false").ToList();
        Assert.That(open, Is.Not.Empty);
        Assert.That(open.All(s => !s.TryGetProperty("completeTime", out _) && !s.TryGetProperty("SalePayments", out _)));
        Assert.That(open.Any(s => !s.TryGetProperty("SaleLines", out _)), "an empty relation is missing, not empty");

        Assert.That(sales.Any(s => s.GetProperty("tax2Rate").GetString() != "0"), "some shop charges tax2");
        Assert.That(lines.Any(l => l.GetProperty("calcTotal").GetString()!.Split('.').ElementAtOrDefault(1)?.Length > 2), "unrounded line totals");
        foreach (var sale in sales.Where(s => s.GetProperty("completed").GetString() == "true"))
        {
            Assert.That(sale.GetProperty("total").GetString(), Does.Match(@"^-?\d+\.\d\d$"));
            var paid = Many(sale, "SalePayments", "SalePayment").Sum(p => decimal.Parse(p.GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.That(paid, Is.EqualTo(decimal.Parse(sale.GetProperty("total").GetString()!, System.Globalization.CultureInfo.InvariantCulture)), "payments cover the total");
        }
    }

    [Test]
    public async Task SaleVoid_RowsPointAtVoidedSales()
    {
        var voids = (await _s.GetAsync(P("SaleVoid.json"))).Rows("SaleVoid");
        Assert.That(voids, Is.Not.Empty);
        foreach (var v in voids.Take(5))
        {
            var sale = (await _s.GetAsync(P($"Sale/{v.GetProperty("saleID").GetString()}.json"))).Json.GetProperty("Sale");
            Assert.That(sale.GetProperty("voided").GetString(), Is.EqualTo("true"));
        }
    }

    [Test]
    public async Task Item_PricesInlineAndItemShopsWithSummary()
    {
        var item = (await _s.GetAsync(P("Item/2.json?load_relations=%5B%22ItemShops%22%5D"))).Json.GetProperty("Item");
        var prices = item.GetProperty("Prices").GetProperty("ItemPrice").EnumerateArray().Select(p => p.GetProperty("useType").GetString()).ToList();
        Assert.That(prices, Is.EqualTo(new[] { "Default", "MSRP", "Online" }));
        var shops = Many(item, "ItemShops", "ItemShop").ToList();
        Assert.That(shops.Select(s => s.GetProperty("shopID").GetString()), Does.Contain("0"));
        var summary = shops.Single(s => s.GetProperty("shopID").GetString() == "0");
        Assert.That(int.Parse(summary.GetProperty("qoh").GetString()!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(shops.Where(s => s.GetProperty("shopID").GetString() != "0").Sum(s => int.Parse(s.GetProperty("qoh").GetString()!, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Test]
    public async Task Customers_HaveMessyData()
    {
        var all = new List<JsonElement>();
        var url = P("Customer.json?archived=true&load_relations=%5B%22Contact%22%5D");
        while (url.Length > 0)
        {
            var page = await _s.GetAsync(url);
            all.AddRange(page.Rows("Customer"));
            url = page.Next;
        }

        Assert.That(all.Any(c => c.GetProperty("archived").GetString() == "true"), "archived customers");
        var emails = all.SelectMany(c => Many(c.GetProperty("Contact"), "Emails", "ContactEmail")).Select(e => e.GetProperty("address").GetString()!).ToList();
        var dupes = emails.GroupBy(e => e, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).ToList();
        Assert.That(dupes, Is.Not.Empty, "duplicate emails");
        Assert.That(dupes.Any(g => g.Distinct(StringComparer.Ordinal).Count() > 1), "duplicates differing in case");
        var phones = all.SelectMany(c => Many(c.GetProperty("Contact"), "Phones", "ContactPhone")).Select(p => p.GetProperty("number").GetString()!).ToList();
        Assert.That(phones.Any(p => p.StartsWith('+')) && phones.Any(p => p.StartsWith('(')) && phones.Any(p => PlainDigits().IsMatch(p)), "phones in many formats");
    }

    [GeneratedRegex(@"^\d{10,11}$")]
    private static partial Regex PlainDigits();
}
