using Lightbridge.Core.Model;

namespace Lightbridge.Lightspeed.Tests.EndToEnd;

/// <summary>Every endpoint and relation the sync reads, through the real client against the emulator.</summary>
[TestFixture]
public sealed class EntityReadTests
{
    private EmulatedAccount _account = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _account = await EmulatedAccount.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _account.DisposeAsync();

    [Test]
    public async Task GetAccounts_Authorized_ReturnsTheEmulatedAccount()
    {
        var accounts = await _account.Client.GetAccountsAsync().ToListAsync();

        Assert.That(accounts.Select(a => a.Id.Value), Is.EqualTo(new[] { _account.Emulator.AccountId }));
    }

    [Test]
    public async Task GetShops_GeneratedAccount_ReturnsEveryShopWithItsTimeZone()
    {
        var shops = await _account.Client.GetShopsAsync().ToListAsync();

        Assert.That(shops, Has.Count.EqualTo(_account.Options.Shops));
        Assert.That(shops.Select(s => s.TimeZone), Has.All.Not.Empty);
        Assert.That(shops.Select(s => s.Id).Distinct().Count(), Is.EqualTo(shops.Count));
    }

    [Test]
    public async Task GetRegisters_GeneratedAccount_EveryRegisterBelongsToAShop()
    {
        var shops = (await _account.Client.GetShopsAsync().ToListAsync()).Select(s => s.Id).ToHashSet();

        var registers = await _account.Client.GetRegistersAsync().ToListAsync();

        Assert.That(registers, Is.Not.Empty);
        Assert.That(registers.Select(r => r.ShopId), Has.All.Matches<LightspeedId?>(id => id is not null && shops.Contains(id.Value)));
    }

    [Test]
    public async Task GetCustomers_IncludingArchived_ReturnsEveryGeneratedCustomerOnce()
    {
        var all = await _account.Client.GetCustomersAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync();
        var active = await _account.Client.GetCustomersAsync().ToListAsync();

        Assert.That(all, Has.Count.EqualTo(_account.Options.Customers));
        Assert.That(all.Select(c => c.Id).Distinct().Count(), Is.EqualTo(all.Count));
        Assert.That(active, Has.Count.LessThan(all.Count), "the generator archives some customers and the default hides them");
        Assert.That(active, Has.All.Matches<Customer>(c => !c.Archived));
    }

    [Test]
    public async Task GetCustomers_WithContact_MapsEmailsPhonesAndEmptyParts()
    {
        var customers = await _account.Client.GetCustomersAsync().ToListAsync();

        Assert.That(customers.Count(c => c.Emails.Count > 0), Is.GreaterThan(0));
        Assert.That(customers.Count(c => c.Phones.Count > 0), Is.GreaterThan(0));
        Assert.That(customers.Count(c => c.Emails.Count == 0 && c.Phones.Count == 0), Is.GreaterThan(0), "some customers have no contact data");
        Assert.That(customers.Count(c => c.Emails.Count > 1 || c.Phones.Count > 1), Is.GreaterThan(0), "some customers have several emails or phones (arrays, not objects)");
        Assert.That(customers.SelectMany(c => c.Emails).Select(e => e.Address), Has.All.Contains("@"));
    }

    [Test]
    public async Task GetItems_WithPricesAndItemShops_MapsPriceLevelsAndStock()
    {
        var items = await _account.Client.GetItemsAsync(null, includeItemShops: true).ToListAsync();

        Assert.That(items, Is.Not.Empty);
        Assert.That(items.Count(i => i.Prices.Count > 0), Is.EqualTo(items.Count), "every item has a price level");
        Assert.That(items.Count(i => i.ItemShops.Count > 0), Is.EqualTo(items.Count), "every item has stock rows once ItemShops is loaded");
        Assert.That(items.SelectMany(i => i.ItemShops), Has.Some.Matches<ItemShop>(s => s.IsAllShopsSummary));
    }

    [Test]
    public async Task GetItemShops_Endpoint_ReturnsStockPerShopAndTheSummaryRows()
    {
        var itemShops = await _account.Client.GetItemShopsAsync().ToListAsync();
        var items = await _account.Client.GetItemsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include)).ToListAsync();

        Assert.That(itemShops.Select(s => s.ItemId).Distinct().Count(), Is.EqualTo(items.Count));
        Assert.That(itemShops.Count(s => s.IsAllShopsSummary), Is.EqualTo(items.Count));
    }

    [Test]
    public async Task GetSales_WithRelations_RecognisesRefundsVoidsWalkInsAndMiscLines()
    {
        var sales = await _account.Client.GetSalesAsync().ToListAsync();

        Assert.That(sales, Has.Count.EqualTo(_account.Options.Sales));
        Assert.That(sales, Has.Some.Matches<Sale>(s => s.Status == SaleStatus.Voided));
        Assert.That(sales, Has.Some.Matches<Sale>(s => s.IsWalkIn));
        Assert.That(sales, Has.Some.Matches<Sale>(s => s.IsRefund && s.Lines.Any(l => l.ParentLineId is not null && l.Quantity < 0)));
        Assert.That(sales, Has.Some.Matches<Sale>(s => s.Lines.Any(l => l.IsMisc)));
        Assert.That(sales, Has.Some.Matches<Sale>(s => s.Lines.Count == 1), "a one-line sale arrives as an object, not an array");
        Assert.That(sales, Has.Some.Matches<Sale>(s => s.Lines.Count > 1));
        Assert.That(sales, Has.Some.Matches<Sale>(s => s.Payments.Count > 1), "split payments");
        Assert.That(sales.Where(s => s.Status == SaleStatus.Completed).Select(s => s.Payments.Sum(p => p.Amount) - s.Total), Has.All.InRange(-0.01m, 0.01m), "a completed sale's payments sum to its total");
        Assert.That(sales.Select(s => s.TimeZone), Has.All.Not.Null.And.Not.Empty);
        Assert.That(sales.SelectMany(s => s.Payments).Select(p => p.PaymentTypeName), Has.All.Not.Null);
    }

    [Test]
    public async Task GetSales_RefundLines_PointAtLinesOfEarlierSales()
    {
        var sales = await _account.Client.GetSalesAsync().ToListAsync();
        var lineIds = sales.SelectMany(s => s.Lines).Select(l => l.Id).ToHashSet();

        var refundLines = sales.SelectMany(s => s.Lines).Where(l => l.ParentLineId is not null).ToList();

        Assert.That(refundLines, Is.Not.Empty);
        Assert.That(refundLines.Select(l => l.ParentLineId!.Value), Has.All.Matches<LightspeedId>(lineIds.Contains));
        Assert.That(refundLines.Select(l => l.Quantity), Has.All.LessThan(0m));
    }

    [Test]
    public async Task GetSaleVoids_Endpoint_OneRowPerVoidedSale()
    {
        var voided = (await _account.Client.GetSalesAsync().ToListAsync()).Where(s => s.Status == SaleStatus.Voided).Select(s => s.Id).ToHashSet();

        var voids = await _account.Client.GetSaleVoidsAsync().ToListAsync();

        Assert.That(voids.Select(v => v.SaleId).ToHashSet(), Is.EquivalentTo(voided));
    }

    [Test]
    public async Task GetPaymentTypes_Endpoint_ReturnsCashAndCard()
    {
        var types = await _account.Client.GetPaymentTypesAsync().ToListAsync();

        Assert.That(types.Select(t => t.Name), Has.Some.Contains("Cash").IgnoreCase);
        Assert.That(types.Select(t => t.Kind), Has.Some.EqualTo(PaymentKind.CreditCard));
    }

    [Test]
    public async Task SingleRecordGetters_KnownIds_ReturnTheSameRecordsAsTheLists()
    {
        var customer = (await _account.Client.GetCustomersAsync().ToListAsync())[3];
        var item = (await _account.Client.GetItemsAsync().ToListAsync())[2];
        var sale = (await _account.Client.GetSalesAsync().ToListAsync()).First(s => s.Lines.Count > 1);
        var shop = (await _account.Client.GetShopsAsync().ToListAsync())[0];

        Assert.That((await _account.Client.GetCustomerAsync(customer.Id))?.LastName, Is.EqualTo(customer.LastName));
        Assert.That((await _account.Client.GetItemAsync(item.Id))?.Description, Is.EqualTo(item.Description));
        var single = await _account.Client.GetSaleAsync(sale.Id);
        Assert.That(single?.Total, Is.EqualTo(sale.Total));
        Assert.That(single?.Lines.Select(l => l.Id), Is.EqualTo(sale.Lines.Select(l => l.Id)));
        Assert.That((await _account.Client.GetShopAsync(shop.Id))?.Name, Is.EqualTo(shop.Name));
    }

    [Test]
    public async Task GetCustomers_FilterMatchingOneRow_ReturnsThatRow()
    {
        // One matching row comes back as an object, not a one-element array (shared/reference/lightspeed-api.md §9.1).
        var target = (await _account.Client.GetCustomersAsync().ToListAsync())[5];

        var found = await _account.Client.GetCustomersAsync(new LightspeedQuery().Where("customerID", FilterOperator.Equal, target.Id.Value)).ToListAsync();

        Assert.That(found.Select(c => c.Id), Is.EqualTo(new[] { target.Id }));
    }

    [Test]
    public async Task GetCustomers_FilterMatchingNothing_ReturnsNoRecords()
    {
        var found = await _account.Client.GetCustomersAsync(new LightspeedQuery().Where("customerID", FilterOperator.GreaterThan, "999999999")).ToListAsync();

        Assert.That(found, Is.Empty);
    }

    [Test]
    public async Task GetSales_TimestampFilterWithOffset_EncodesThePlusSign()
    {
        var sales = await _account.Client.GetSalesAsync().ToListAsync();
        var median = sales.Select(s => s.UpdatedAt!.Value).Order().ElementAt(sales.Count / 2);

        var newer = await _account.Client.GetSalesAsync(new LightspeedQuery()
            .Where("updatetime", FilterOperator.GreaterThanOrEqual, median.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture))
            .SortBy("updatetime")).ToListAsync();

        Assert.That(newer, Is.Not.Empty);
        Assert.That(newer.Count, Is.LessThan(sales.Count));
        Assert.That(newer.Select(s => s.UpdatedAt), Has.All.GreaterThanOrEqualTo(median));
        Assert.That(newer.Select(s => s.UpdatedAt), Is.Ordered);
    }

    [Test]
    public async Task GetRecords_SaleWithItemAndCustomerRelations_LoadsEveryRelationTheSyncMayAskFor()
    {
        var query = new LightspeedQuery()
            .LoadRelations("SaleLines", "SaleLines.Item", "SalePayments", "SalePayments.PaymentType", "Customer", "Customer.Contact")
            .SortBy("saleID")
            .Limit(50);

        var sales = await _account.Client.GetRecordsAsync("Sale", query).Take(50).ToListAsync();

        var withCustomer = sales.Where(s => s.GetProperty("customerID").GetString() != "0").ToList();
        Assert.That(withCustomer, Is.Not.Empty);
        Assert.That(withCustomer.Select(s => s.GetProperty("Customer").GetProperty("Contact").ValueKind), Has.All.EqualTo(System.Text.Json.JsonValueKind.Object));
        var lines = sales.Where(s => s.TryGetProperty("SaleLines", out _))
            .SelectMany(s => Elements(s.GetProperty("SaleLines").GetProperty("SaleLine")))
            .ToList();
        Assert.That(lines.Where(l => l.GetProperty("itemID").GetString() != "0").Select(l => l.GetProperty("Item").GetProperty("itemID").GetString()), Has.All.Not.Null);
        Assert.That(lines.Where(l => l.GetProperty("itemID").GetString() == "0").Select(l => l.TryGetProperty("Item", out _)), Has.All.False, "a misc line has no item to load");
    }

    /// <summary>A relation list is an object when it holds one element (shared/reference/lightspeed-api.md §9.1).</summary>
    private static IEnumerable<System.Text.Json.JsonElement> Elements(System.Text.Json.JsonElement value) =>
        value.ValueKind == System.Text.Json.JsonValueKind.Array ? value.EnumerateArray() : [value];
}
