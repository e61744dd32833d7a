using Lightbridge.Core.Reconciliation;

namespace Lightbridge.Core.Tests.Reconciliation;

[TestFixture]
public sealed class SalesReconcilerTests
{
    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Compare_SameSalesAndTotals_IsEqual()
    {
        var sales = new[] { Sale("1-1", 10m), Sale("1-2", -4m, refund: true), Sale("1-3", 99m, voided: true) };

        var result = SalesReconciler.Compare(sales, sales, StoreDayTotals.Of(sales));

        Assert.Multiple(() =>
        {
            Assert.That(result.IsEqual, Is.True);
            Assert.That(result.Days, Has.Count.EqualTo(1));
            Assert.That(result.Days[0].Lightspeed, Is.EqualTo(new StoreDayTotals("1-7", new DateOnly(2026, 3, 2), 2, 6m, 0.6m, -4m)), "the voided sale counts nowhere");
            Assert.That(result.SalesChecked, Is.EquivalentTo(new[] { "1-1", "1-2", "1-3" }));
        });
    }

    [Test]
    public void Compare_MissingExtraAndDifferent_OneDifferenceEach()
    {
        var lightspeed = new[] { Sale("1-1", 10m), Sale("1-2", 20m), Sale("1-4", 5m, voided: true) };
        var salesforce = new[] { Sale("1-2", 25m), Sale("1-3", 7m), Sale("1-4", 5m) };

        var result = SalesReconciler.Compare(lightspeed, salesforce, StoreDayTotals.Of(salesforce));

        Assert.Multiple(() =>
        {
            Assert.That(result.Differences.Select(d => (d.Kind, d.ExternalId)), Is.EqualTo(new[]
            {
                (SaleDifferenceKind.MissingInSalesforce, "1-1"),
                (SaleDifferenceKind.ExtraInSalesforce, "1-3"),
                (SaleDifferenceKind.DifferentValues, "1-2"),
                (SaleDifferenceKind.DifferentValues, "1-4"),
            }));
            Assert.That(result.Differences.Single(d => d.ExternalId == "1-2").Detail, Does.Contain("total 20.00 in Lightspeed, 25.00 in Salesforce"));
            Assert.That(result.Differences.Single(d => d.ExternalId == "1-4").Detail, Does.Contain("voided in Lightspeed"));
            Assert.That(result.Differences[0].ErrorKey, Is.EqualTo("Reconcile:Sale:1-1"));
            Assert.That(result.IsEqual, Is.False);
        });
    }

    [Test]
    public void Compare_AggregateRowsSplitByRefundFlag_AreAddedUpPerStoreAndDay()
    {
        var sales = new[] { Sale("1-1", 10m), Sale("1-2", -4m, refund: true) };
        var day = new DateOnly(2026, 3, 2);
        var rows = new[] { new StoreDayTotals("1-7", day, 1, 10m, 1m, 0m), new StoreDayTotals("1-7", day, 1, -4m, -0.4m, -4m) };

        var result = SalesReconciler.Compare(sales, sales, rows);

        Assert.That(result.IsEqual, Is.True);
    }

    [Test]
    public void Compare_AggregateDisagreesWithoutASaleDifference_TheDayDiffers()
    {
        var sales = new[] { Sale("1-1", 10m) };
        var rows = new[] { new StoreDayTotals("1-7", new DateOnly(2026, 3, 2), 2, 20m, 2m, 0m) };

        var result = SalesReconciler.Compare(sales, sales, rows);

        Assert.Multiple(() =>
        {
            Assert.That(result.Differences, Is.Empty);
            Assert.That(result.DifferingDays, Has.Count.EqualTo(1));
            Assert.That(result.IsEqual, Is.False);
        });
    }

    [Test]
    public void StoreDayTotals_SaleJustBeforeUtcMidnight_CountsOnThatUtcDay()
    {
        var late = new SaleFigures("1-9", null, new DateTimeOffset(2026, 3, 2, 19, 30, 0, TimeSpan.FromHours(-5)), false, false, 3m, 0m);

        var totals = StoreDayTotals.Of([late]);

        Assert.That(totals.Single(), Is.EqualTo(new StoreDayTotals(StoreDayTotals.NoStore, new DateOnly(2026, 3, 3), 1, 3m, 0m, 0m)));
    }

    private static SaleFigures Sale(string id, decimal total, bool refund = false, bool voided = false) =>
        new(id, "1-7", Morning, voided, refund, total, total / 10m);
}
