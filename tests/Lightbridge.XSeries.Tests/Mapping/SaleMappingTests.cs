using Lightbridge.Core.Model;
using Lightbridge.XSeries.Tests.Support;
using static Lightbridge.XSeries.Tests.Support.XSeriesHarness;

namespace Lightbridge.XSeries.Tests.Mapping;

/// <summary>X-Series sales with their lines and payments read over HTTP into canonical sales.</summary>
public sealed class SaleMappingTests
{
    private const string Outlets = """{"id":"o-1","name":"Wellington","time_zone":"Pacific/Auckland","version":1}""";

    private const string Closed = """
        {"id":"s-closed","outlet_id":"o-1","register_id":"r-1","user_id":"u-7","customer_id":"c-1","invoice_number":"WLG-1001",
         "status":"CLOSED","return_for":null,"total_price":25.5,"total_tax":3.83,
         "sale_date":"2026-03-01T22:15:00+00:00","created_at":"2026-03-01T22:10:00+00:00","updated_at":"2026-03-01T22:16:00+00:00",
         "line_items":[
           {"id":"l-1","product_id":"p-1","quantity":2,"price":10,"price_total":20,"discount":1,"discount_total":2,"tax":1.5,"tax_total":3,"is_return":false},
           {"id":"l-2","product_id":"p-2","quantity":1,"price":5.5,"price_total":5.5,"discount":0,"discount_total":0,"tax":0.83,"tax_total":0.83,"is_return":false}],
         "payments":[{"id":"pay-1","retailer_payment_type_id":"rpt-cash","payment_type_id":"1","name":"Cash","amount":29.33,"payment_date":"2026-03-01T22:15:00+00:00"}],
         "version":100}
        """;

    [Test]
    public async Task GetSalesAsync_ClosedSale_MapsAmountsSoSubtotalLessDiscountPlusTaxIsTheTotal()
    {
        await using var harness = await StartAsync(Script(Closed));

        var sale = (await ToListAsync(harness.Client.GetSalesAsync(null))).Single();

        Assert.That(sale.Id.Value, Is.EqualTo("s-closed"));
        Assert.That((sale.ShopId?.Value, sale.RegisterId?.Value, sale.CustomerId?.Value, sale.EmployeeId?.Value), Is.EqualTo(("o-1", "r-1", "c-1", "u-7")));
        Assert.That(sale.TicketNumber, Is.EqualTo("WLG-1001"));
        Assert.That(sale.Status, Is.EqualTo(SaleStatus.Completed));
        Assert.That(sale.TimeZone, Is.EqualTo("Pacific/Auckland"));
        Assert.That(sale.CompletedAt, Is.EqualTo(new DateTimeOffset(2026, 3, 1, 22, 15, 0, TimeSpan.Zero)));
        Assert.That(sale.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 3, 1, 22, 10, 0, TimeSpan.Zero)));
        Assert.That(sale.UpdatedAt, Is.EqualTo(new DateTimeOffset(2026, 3, 1, 22, 16, 0, TimeSpan.Zero)));
        Assert.That((sale.Subtotal, sale.Discount, sale.Tax, sale.Total), Is.EqualTo((27.5m, 2m, 3.83m, 29.33m)));
        Assert.That(sale.Subtotal - sale.Discount + sale.Tax, Is.EqualTo(sale.Total));
        Assert.That(sale.IsRefund, Is.False);
        Assert.That(sale.ChangeVersion, Is.EqualTo(100));

        Assert.That(sale.Lines.Select(l => (l.Id.Value, l.SaleId.Value, l.ItemId?.Value, l.Quantity, l.UnitPrice, l.Discount, l.Tax, l.LineTotal, l.ParentLineId)),
            Is.EqualTo(new[]
            {
                ("l-1", "s-closed", (string?)"p-1", 2m, 11m, 2m, 3m, 23m, (LightspeedId?)null),
                ("l-2", "s-closed", "p-2", 1m, 5.5m, 0m, 0.83m, 6.33m, null),
            }));
        Assert.That(sale.Payments.Single(), Is.EqualTo(new SalePayment(
            new LightspeedId("pay-1"), new LightspeedId("s-closed"), new LightspeedId("rpt-cash"), "Cash", null, 29.33m,
            new DateTimeOffset(2026, 3, 1, 22, 15, 0, TimeSpan.Zero), false)).Using<SalePayment>(SameExceptLists));
        Assert.That(sale.Payments.Sum(p => p.Amount), Is.EqualTo(sale.Total));
    }

    [TestCase("CLOSED", SaleStatus.Completed)]
    [TestCase("LAYBY_CLOSED", SaleStatus.Completed)]
    [TestCase("ONACCOUNT_CLOSED", SaleStatus.Completed)]
    [TestCase("DISPATCHED_CLOSED", SaleStatus.Completed)]
    [TestCase("PICKED_UP_CLOSED", SaleStatus.Completed)]
    [TestCase("SERVICE_CLOSED", SaleStatus.Completed)]
    [TestCase("VOIDED", SaleStatus.Voided)]
    [TestCase("SAVED", SaleStatus.Open)]
    [TestCase("ONACCOUNT", SaleStatus.Open)]
    [TestCase("LAYBY", SaleStatus.Open)]
    [TestCase("AWAITING_DISPATCH", SaleStatus.Open)]
    [TestCase("AWAITING_PICKUP", SaleStatus.Open)]
    [TestCase("SERVICE", SaleStatus.Open)]
    public async Task GetSalesAsync_Status_MapsToCompletedVoidedOrOpen(string wire, SaleStatus expected)
    {
        await using var harness = await StartAsync(Script(
            $$"""{"id":"s-1","outlet_id":"o-1","status":"{{wire}}","sale_date":"2026-03-01T22:15:00+00:00","total_price":1,"total_tax":0,"version":5}"""));

        var sale = (await ToListAsync(harness.Client.GetSalesAsync(null))).Single();

        Assert.That(sale.Status, Is.EqualTo(expected));
        Assert.That(sale.CompletedAt, expected == SaleStatus.Open ? Is.Null : Is.EqualTo(new DateTimeOffset(2026, 3, 1, 22, 15, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task GetSalesAsync_ReturnsDeletionsAndWalkIns_AreRecognised()
    {
        await using var harness = await StartAsync(Script("""
            {"id":"s-return","status":"CLOSED","return_for":"s-closed","customer_id":null,"total_price":-10,"total_tax":-1.5,"version":201,
             "line_items":[{"id":"l-r","product_id":"p-1","quantity":-1,"price":10,"price_total":-10,"discount":0,"discount_total":0,"tax":1.5,"tax_total":-1.5,"is_return":true}],
             "payments":[{"id":"pay-r","retailer_payment_type_id":"rpt-card","name":"Card","amount":-11.5}]},
            {"id":"s-negative","status":"CLOSED","customer_id":"c-1","total_price":-5,"total_tax":0,"version":202,
             "line_items":[{"id":"l-n","product_id":"p-2","quantity":-1,"price":5,"price_total":-5,"tax_total":0}]},
            {"id":"s-exchange","status":"CLOSED","customer_id":"c-1","total_price":0,"total_tax":0,"version":203,
             "line_items":[{"id":"l-x1","product_id":"p-2","quantity":-1,"price":5,"price_total":-5},{"id":"l-x2","product_id":"p-3","quantity":1,"price":5,"price_total":5}]},
            {"id":"s-deleted","status":"CLOSED","customer_id":"c-1","total_price":3,"total_tax":0,"deleted_at":"2026-03-02T00:00:00+00:00","version":204}
            """));

        var sales = (await ToListAsync(harness.Client.GetSalesAsync(null))).ToDictionary(s => s.Id.Value);

        Assert.That(sales["s-return"].IsRefund, Is.True, "return_for names the original sale");
        Assert.That(sales["s-return"].IsWalkIn, Is.True);
        Assert.That((sales["s-return"].Total, sales["s-return"].Lines.Single().LineTotal, sales["s-return"].Payments.Single().Amount), Is.EqualTo((-11.5m, -11.5m, -11.5m)));
        Assert.That(sales["s-negative"].IsRefund, Is.True, "every quantity is negative");
        Assert.That(sales["s-exchange"].IsRefund, Is.False, "an exchange sells as well as returns");
        Assert.That(sales["s-deleted"].Status, Is.EqualTo(SaleStatus.Voided), "a deleted sale no longer counts");
        Assert.That(sales["s-negative"].TimeZone, Is.Null, "no outlet, no zone");
    }

    [Test]
    public async Task GetSalesAsync_MalformedMoney_IsNamedForValidationAndTheSaleStillComes()
    {
        await using var harness = await StartAsync(Script("""
            {"id":"s-bad","outlet_id":"o-1","status":"CLOSED","total_price":"12.00","total_tax":"n/a","version":300,
             "line_items":[{"id":"l-b","product_id":"p-1","quantity":"1","price":"12.00","price_total":{"amount":12},"tax_total":0}],
             "payments":[{"id":"pay-b","retailer_payment_type_id":"rpt-cash","name":"Cash","amount":"twelve"}]}
            """));

        var sale = (await ToListAsync(harness.Client.GetSalesAsync(null))).Single();

        Assert.That(sale.MalformedFields, Is.EqualTo(new[] { "total_tax" }));
        Assert.That(sale.Total, Is.EqualTo(12m), "numbers sent as strings are read");
        Assert.That(sale.Lines.Single().MalformedFields, Is.EqualTo(new[] { "price_total" }));
        Assert.That(sale.Lines.Single().Quantity, Is.EqualTo(1m));
        Assert.That(sale.Payments.Single().MalformedFields, Is.EqualTo(new[] { "amount" }));
    }

    [Test]
    public async Task GetSalesAsync_TwoReads_ReadOutletsOnceUntilTheCacheIsReset()
    {
        await using var harness = await StartAsync(Script(Closed));

        await ToListAsync(harness.Client.GetSalesAsync(null));
        var second = await ToListAsync(harness.Client.GetSalesAsync(null));
        var single = await harness.Client.GetSaleAsync(new LightspeedId("s-closed"));
        var outletReadsBeforeReset = OutletReads(harness);
        harness.Client.ResetOutletCache();
        await ToListAsync(harness.Client.GetSalesAsync(null));

        Assert.That(second.Single().TimeZone, Is.EqualTo("Pacific/Auckland"));
        Assert.That(single!.TimeZone, Is.EqualTo("Pacific/Auckland"));
        Assert.That(single.Lines, Has.Count.EqualTo(2));
        Assert.That(outletReadsBeforeReset, Is.EqualTo(1), "one walk of /outlets (its first page) serves every sale read");
        Assert.That(OutletReads(harness), Is.EqualTo(2));
    }

    private static int OutletReads(XSeriesHarness harness) =>
        harness.Server.ApiRequests.Count(r => r.Path == "/api/2.0/outlets" && r.Param("after") is null);

    /// <summary>Outlets, the sales page, then the end; one sale by id from the same records.</summary>
    private static Func<ScriptedRequest, ScriptedResponse> Script(string sales) => request => (request.Path, request.Param("after")) switch
    {
        ("/api/2.0/outlets", null) => Page(Outlets, max: 1),
        ("/api/2.0/sales", null) => Page(sales),
        ("/api/2.0/sales/s-closed", _) => ScriptedResponse.Json($$"""{"data":{{Closed}}}"""),
        _ => EndPage(),
    };

    private static bool SameExceptLists(SalePayment a, SalePayment b) => a with { MalformedFields = [] } == b with { MalformedFields = [] };
}
