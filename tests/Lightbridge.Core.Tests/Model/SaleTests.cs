using Lightbridge.Core.Model;

namespace Lightbridge.Core.Tests.Model;

public sealed class SaleTests
{
    [Test]
    public void SaleLine_NegativeQuantity_IsRefund()
    {
        var line = Line(quantity: -1, parent: null, item: new LightspeedId("5"));

        Assert.That(line.IsRefund, Is.True);
        Assert.That(line.IsMisc, Is.False);
    }

    [Test]
    public void SaleLine_ParentLine_IsRefund()
    {
        Assert.That(Line(quantity: 1, parent: new LightspeedId("9"), item: null).IsRefund, Is.True);
    }

    [Test]
    public void SaleLine_PositiveWithoutParentOrItem_IsMiscSale()
    {
        var line = Line(quantity: 2, parent: null, item: null);

        Assert.That(line.IsRefund, Is.False);
        Assert.That(line.IsMisc, Is.True);
    }

    [Test]
    public void ItemShop_NoShop_IsAllShopsSummary()
    {
        var summary = new ItemShop(new LightspeedId("1"), new LightspeedId("2"), null, 5, 0, 0, null);

        Assert.That(summary.IsAllShopsSummary, Is.True);
        Assert.That(summary with { ShopId = new LightspeedId("3") }, Has.Property(nameof(ItemShop.IsAllShopsSummary)).False);
    }

    private static SaleLine Line(decimal quantity, LightspeedId? parent, LightspeedId? item) =>
        new(new LightspeedId("1"), new LightspeedId("2"), item, quantity, 10m, 0m, 0m, quantity * 10m, parent, null, null);
}
