using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using static Lightbridge.Core.Tests.Normalization.Records;

namespace Lightbridge.Core.Tests.Normalization;

public sealed class SaleNormalizerTests
{
    [Test]
    public void Normalize_Sale_ScopesEveryReferenceByAccount()
    {
        var sale = SaleNormalizer.Normalize(Sale(), AccountContext());

        Assert.That(sale.ExternalId.Value, Is.EqualTo("120645-42"));
        Assert.That(sale.ShopExternalId!.Value.Value, Is.EqualTo("120645-1"));
        Assert.That(sale.CustomerExternalId!.Value.Value, Is.EqualTo("120645-7"));
        Assert.That(sale.Lines[0].ExternalId.Value, Is.EqualTo("120645-100"));
        Assert.That(sale.Lines[0].SaleExternalId, Is.EqualTo(sale.ExternalId));
        Assert.That(sale.Lines[0].ItemExternalId!.Value.Value, Is.EqualTo("120645-5"));
        Assert.That(sale.Payments[0].ExternalId.Value, Is.EqualTo("120645-200"));
    }

    [Test]
    public void Normalize_WalkIn_HasNoCustomer()
    {
        Assert.That(SaleNormalizer.Normalize(Sale(customer: null), AccountContext()).CustomerExternalId, Is.Null);
    }

    [Test]
    public void Normalize_ShopWithOwnCurrency_UsesShopCurrency()
    {
        Assert.That(SaleNormalizer.Normalize(Sale(shop: "1"), AccountContext()).Currency.Value, Is.EqualTo("GBP"));
        Assert.That(SaleNormalizer.Normalize(Sale(shop: "2"), AccountContext()).Currency.Value, Is.EqualTo("EUR"));
    }

    [Test]
    public void Normalize_UnroundedLineValues_RoundedAsSalesforceStores()
    {
        var line = Line("100") with { Quantity = 2.00005m, UnitPrice = 34.945m, Tax = 8.632m, LineTotal = 75.035m, Discount = 3.505m };

        var normalized = SaleNormalizer.Normalize(Sale(lines: [line]), AccountContext()).Lines[0];

        Assert.That(normalized.Quantity, Is.EqualTo(2.0001m));
        Assert.That(normalized.UnitPrice, Is.EqualTo(34.95m));
        Assert.That(normalized.Tax, Is.EqualTo(8.63m));
        Assert.That(normalized.LineTotal, Is.EqualTo(75.04m));
        Assert.That(normalized.Discount, Is.EqualTo(3.51m));
    }

    [Test]
    public void Normalize_NegativeLineWithParent_IsRefundLinkedToOriginal()
    {
        var sale = Sale(total: -10.8m, lines: [Line("101", quantity: -1, parent: "100", total: -10m)], payments: [Payment("201", amount: -10.8m)]);

        var normalized = SaleNormalizer.Normalize(sale, AccountContext());

        Assert.That(normalized.IsRefund, Is.True);
        Assert.That(normalized.Lines[0].IsRefund, Is.True);
        Assert.That(normalized.Lines[0].OriginalLineExternalId!.Value.Value, Is.EqualTo("120645-100"));
        Assert.That(normalized.Payments[0].Amount, Is.EqualTo(-10.8m));
    }

    [Test]
    public void Normalize_OrdinarySale_NotRefund()
    {
        Assert.That(SaleNormalizer.Normalize(Sale(), AccountContext()).IsRefund, Is.False);
    }

    [Test]
    public void Normalize_VoidedSale_DoesNotCountTowardsTotals()
    {
        var normalized = SaleNormalizer.Normalize(Sale(status: SaleStatus.Voided), AccountContext());

        Assert.That(normalized.Status, Is.EqualTo(SaleStatus.Voided));
        Assert.That(normalized.CountsTowardsTotals, Is.False);
    }

    [Test]
    public void Normalize_SaleVoidSeenSeparately_MarksSaleVoided()
    {
        var saleVoid = new SaleVoid(Id("900"), Id("42"), Id("1"), null, "wrong customer", T0.AddHours(1));

        var normalized = SaleNormalizer.Normalize(Sale(status: SaleStatus.Completed), AccountContext(), saleVoid);

        Assert.That(normalized.Status, Is.EqualTo(SaleStatus.Voided));
    }

    [Test]
    public void Normalize_SaleVoidOfAnotherSale_Throws()
    {
        var saleVoid = new SaleVoid(Id("900"), Id("43"), Id("1"), null, null, T0);

        Assert.That(() => SaleNormalizer.Normalize(Sale(), AccountContext(), saleVoid), Throws.ArgumentException);
    }

    [Test]
    public void Normalize_NoCompletionTime_FallsBackToCreation()
    {
        var sale = Sale() with { CompletedAt = null };

        Assert.That(SaleNormalizer.Normalize(sale, AccountContext()).SaleTime, Is.EqualTo(T0));
    }

    [Test]
    public void Normalize_PaymentWithoutTypeOrArchived_UnknownTypeAndVoided()
    {
        var payment = Payment("200") with { PaymentTypeName = null, Archived = true };

        var normalized = SaleNormalizer.Normalize(Sale(payments: [payment]), AccountContext()).Payments[0];

        Assert.That(normalized.PaymentTypeName, Is.EqualTo(SaleNormalizer.UnknownPaymentType));
        Assert.That(normalized.IsVoided, Is.True);
    }
}
