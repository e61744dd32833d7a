using Lightbridge.Emulators.Lightspeed.Data;

namespace Lightbridge.Emulators.Lightspeed.Tests.Data;

public sealed class DataGeneratorTests
{
    private static readonly DateTimeOffset End = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static EmulatorStore Generate(int seed, int shops = 3, int customers = 200, int items = 100, int sales = 500)
    {
        var store = new EmulatorStore();
        new DataGenerator(new DataSize(seed, shops, customers, items, sales), End).Fill(store);
        return store;
    }

    [Test]
    public void Fill_Sizes_AreHonoured()
    {
        var store = Generate(1);
        Assert.That(store.Shops.Count, Is.EqualTo(3));
        Assert.That(store.Customers.Count, Is.EqualTo(200));
        Assert.That(store.Items.Count, Is.EqualTo(100));
        Assert.That(store.Sales.Count, Is.EqualTo(500));
        Assert.That(store.ItemShops.Count, Is.EqualTo(100 * 4), "one row per shop plus the shop 0 summary");
    }

    [Test]
    public void Fill_EveryShop_HasOneToThreeRegisters()
    {
        var store = Generate(3, shops: 8);
        foreach (var shop in store.Shops.Rows)
        {
            Assert.That(store.Registers.Rows.Count(r => r.ShopId == shop.ShopId), Is.InRange(1, 3));
        }

        Assert.That(store.ActiveRegisterCount, Is.EqualTo(store.Registers.Count));
    }

    [Test]
    public void Fill_AllTimes_EndBeforeHistoryEnd()
    {
        var store = Generate(5);
        Assert.That(store.Sales.Rows.Max(s => s.UpdateTime), Is.LessThan(End));
        Assert.That(store.Customers.Rows.Max(c => c.TimeStamp), Is.LessThanOrEqualTo(End));
        Assert.That(store.Sales.Rows.Select(s => s.CreateTime), Is.Ordered, "ids follow time, as in a real till");
    }

    [Test]
    public void Fill_CompletedSales_PaymentsCoverTotal()
    {
        foreach (var sale in Generate(7).Sales.Rows.Where(s => s.Completed))
        {
            Assert.That(sale.CalcPayments, Is.EqualTo(sale.Total), $"sale {sale.SaleId}");
        }
    }

    [Test]
    public void Fill_Refunds_ReferenceEarlierLinesOfTheSameCustomer()
    {
        var store = Generate(11, sales: 1500);
        var lines = store.Sales.Rows.SelectMany(s => s.Lines).ToDictionary(l => l.SaleLineId);
        var refundLines = lines.Values.Where(l => l.ParentSaleLineId != 0).ToList();
        Assert.That(refundLines, Is.Not.Empty);
        foreach (var line in refundLines)
        {
            var parent = lines[line.ParentSaleLineId];
            Assert.That(parent.SaleId, Is.LessThan(line.SaleId));
            Assert.That(line.UnitQuantity, Is.LessThan(0));
            Assert.That(-line.UnitQuantity, Is.LessThanOrEqualTo(parent.UnitQuantity));
            Assert.That(line.CustomerId, Is.EqualTo(parent.CustomerId));
        }
    }

    [Test]
    public void Fill_Voids_AreCompletedSalesWithOneSaleVoidEach()
    {
        var store = Generate(13, sales: 1500);
        var voided = store.Sales.Rows.Where(s => s.Voided).ToList();
        Assert.That(voided, Is.Not.Empty);
        Assert.That(voided.All(s => s.Completed && s.UpdateTime > s.CompleteTime));
        Assert.That(store.SaleVoids.Rows.Select(v => v.SaleId).Order(), Is.EqualTo(voided.Select(s => s.SaleId).Order()));
    }

    [Test]
    public void Fill_SameSeed_SameData_DifferentSeed_DifferentData()
    {
        static string Fingerprint(EmulatorStore s) => string.Join("|", s.Customers.Rows.Select(c => c.FirstName + c.LastName + c.TimeStamp.Ticks))
            + string.Join("|", s.Sales.Rows.Select(x => x.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var first = Fingerprint(Generate(21));
        var second = Fingerprint(Generate(21));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(Fingerprint(Generate(22)), Is.Not.EqualTo(first));
    }

    [Test]
    public void LocalMidnight_Toronto_IsFourOrFiveUtc()
    {
        Assert.That(LocalMidnight.ToUtc(new DateOnly(1984, 6, 21), "America/Toronto"), Is.EqualTo(new DateTimeOffset(1984, 6, 21, 4, 0, 0, TimeSpan.Zero)));
        Assert.That(LocalMidnight.ToUtc(new DateOnly(1984, 1, 21), "America/Toronto"), Is.EqualTo(new DateTimeOffset(1984, 1, 21, 5, 0, 0, TimeSpan.Zero)));
        Assert.That(LocalMidnight.ToUtc(new DateOnly(1990, 7, 1), "Europe/Amsterdam"), Is.EqualTo(new DateTimeOffset(1990, 6, 30, 22, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void RecordTable_IdsMustGrow()
    {
        var table = new RecordTable<SaleVoidRecord>(r => r.SaleVoidId);
        table.Add(new SaleVoidRecord { SaleVoidId = 2, Reason = string.Empty });
        Assert.That(() => table.Add(new SaleVoidRecord { SaleVoidId = 1, Reason = string.Empty }), Throws.InvalidOperationException);
        Assert.That(table.NextId, Is.EqualTo(3));
    }

    [Test]
    public void Options_Invalid_ReportsEveryProblem()
    {
        var errors = new LightspeedEmulatorOptions { Shops = 0, Customers = -1, Host = "example", TimeScale = 0, AccountId = "x" }.Validate();
        Assert.That(errors, Has.Count.EqualTo(5));
        Assert.That(errors, Has.Some.StartsWith("Shops:").And.Some.StartsWith("Host:").And.Some.StartsWith("TimeScale:"));
        Assert.That(new LightspeedEmulatorOptions().Validate(), Is.Empty);
    }

    [Test]
    public void StartAsync_InvalidOptions_Throws()
    {
        Assert.That(async () => await LightspeedEmulator.StartAsync(new LightspeedEmulatorOptions { Shops = 99 }), Throws.ArgumentException.With.Message.Contains("Shops"));
    }
}
