using Lightbridge.Emulators.XSeries.Data;

namespace Lightbridge.Emulators.XSeries.Tests;

public sealed class DataGeneratorTests
{
    private static XSeriesStore Generate(int seed = 3)
    {
        var store = new XSeriesStore();
        new DataGenerator(new GeneratorSize(seed, 3, 2, 80, 40, 400, 30), new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero)).Fill(store);
        return store;
    }

    [Test]
    public void Refunds_PointAtEarlierClosedSales_WithNegativeLinesOfTheSameProducts()
    {
        var store = Generate();
        var refunds = store.Sales.Where(s => s.ReturnFor is not null).ToList();
        Assert.That(refunds, Is.Not.Empty);
        foreach (var refund in refunds)
        {
            var original = store.Sales.Single(s => s.Id == refund.ReturnFor);
            Assert.That(original.Status, Is.EqualTo(SaleStatus.Closed));
            Assert.That(original.SaleDate, Is.LessThanOrEqualTo(refund.SaleDate));
            Assert.That(refund.LineItems.All(l => l.Quantity < 0 && l.IsReturn), Is.True);
            Assert.That(refund.LineItems.Select(l => l.ProductId), Is.SubsetOf(original.LineItems.Select(l => l.ProductId)));
            Assert.That(refund.Payments.Sum(p => p.Amount), Is.LessThan(0));
        }
    }

    [Test]
    public void Versions_AreUniqueAcrossCollections_AndSalesAscendByDate()
    {
        var store = Generate();
        var all = store.Outlets.Cast<VersionedRecord>().Concat(store.Registers).Concat(store.PaymentTypes).Concat(store.Customers)
            .Concat(store.Products).Concat(store.Inventory).Concat(store.Sales).Select(r => r.Version).ToList();
        Assert.That(all.Distinct().Count(), Is.EqualTo(all.Count));
        Assert.That(all.Max(), Is.EqualTo(store.CurrentVersion));
        Assert.That(store.Sales.Select(s => s.SaleDate), Is.Ordered.Ascending);
        Assert.That(store.Sales.Select(s => s.Version), Is.Ordered.Ascending);
    }

    [Test]
    public void Statuses_PaymentsMatchTheStatus()
    {
        var store = Generate();
        foreach (var sale in store.Sales.Where(s => s.ReturnFor is null))
        {
            var total = Math.Round(sale.TotalPrice + sale.TotalTax, 2);
            var paid = sale.Payments.Sum(p => p.Amount);
            switch (sale.Status)
            {
                case SaleStatus.Closed or SaleStatus.OnAccountClosed or SaleStatus.Voided:
                    Assert.That(paid, Is.EqualTo(total), sale.Id);
                    break;
                case SaleStatus.OnAccount or SaleStatus.Saved:
                    Assert.That(paid, Is.Zero, sale.Id);
                    break;
                case SaleStatus.Layby:
                    Assert.That(paid, Is.GreaterThan(0).And.LessThan(total), sale.Id);
                    break;
            }
        }

        Assert.That(store.Sales.Select(s => s.Status).Distinct().Count(), Is.GreaterThanOrEqualTo(5));
    }
}
