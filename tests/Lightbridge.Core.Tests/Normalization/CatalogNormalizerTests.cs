using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using static Lightbridge.Core.Tests.Normalization.Records;

namespace Lightbridge.Core.Tests.Normalization;

public sealed class CatalogNormalizerTests
{
    [Test]
    public void StoreCode_ShopName_UpperAlphanumericWithIds()
    {
        var shop = ShopNormalizer.Normalize(new Shop(Id("1"), " Down-town Store ", "US/Eastern", false, T0), AccountContext());

        Assert.That(shop.StoreCode, Is.EqualTo("DOWNTOWNSTO-120645-1"));
        Assert.That(shop.StoreCode, Has.Length.LessThanOrEqualTo(ShopNormalizer.StoreCodeMaxLength));
        Assert.That(shop.Name, Is.EqualTo("Down-town Store"));
        Assert.That(shop.ExternalId.Value, Is.EqualTo("120645-1"));
    }

    [Test]
    public void StoreCode_NameWithoutLettersOrLongIds_StillUniqueAndShort()
    {
        Assert.That(ShopNormalizer.StoreCode(Lightbridge.Core.Identity.ExternalId.Parse("120645-1"), "--"), Is.EqualTo("120645-1"));
        Assert.That(ShopNormalizer.StoreCode(Lightbridge.Core.Identity.ExternalId.Parse("1234567890-1234567890"), "Main"), Is.EqualTo("234567890-1234567890"));
    }

    [Test]
    public void Normalize_ItemSkus_PrefersCustomThenSystemThenManufacturer()
    {
        var item = new Item(Id("5"), "210000000005", " CS-1 ", "MFR-1", null, null, " Blue Mug ", 12.345m, [], false, ItemType.Default, T0, T0, []);

        Assert.That(ItemNormalizer.Normalize(item, AccountContext()).Sku, Is.EqualTo("CS-1"));
        Assert.That(ItemNormalizer.Normalize(item with { CustomSku = " " }, AccountContext()).Sku, Is.EqualTo("210000000005"));
        Assert.That(ItemNormalizer.Normalize(item with { CustomSku = null, SystemSku = null }, AccountContext()).Sku, Is.EqualTo("MFR-1"));
        Assert.That(ItemNormalizer.Normalize(item, AccountContext()).Price, Is.EqualTo(12.35m));
        Assert.That(ItemNormalizer.Normalize(item, AccountContext()).Name, Is.EqualTo("Blue Mug"));
    }

    [Test]
    public void IsActive_ArchivedItem_False()
    {
        var item = new Item(Id("5"), null, null, null, null, null, "Mug", null, [], true, ItemType.Default, T0, T0, []);

        Assert.That(ItemNormalizer.Normalize(item, AccountContext()).IsActive, Is.False);
        Assert.That(ItemNormalizer.Normalize(item with { Archived = false }, AccountContext()).IsActive, Is.True);
    }

    [Test]
    public void Normalize_AllShopsSummaryRow_Skipped()
    {
        var summary = new ItemShop(Id("50"), Id("5"), null, 10, 1, 2, T0);

        Assert.That(ItemShopNormalizer.Normalize(summary, AccountContext()), Is.Null);
    }

    [Test]
    public void Normalize_ShopStock_LinksItemAndShop()
    {
        var stock = ItemShopNormalizer.Normalize(new ItemShop(Id("51"), Id("5"), Id("1"), 3.00004m, 1, 2, T0), AccountContext())!;

        Assert.That(stock.ExternalId.Value, Is.EqualTo("120645-51"));
        Assert.That(stock.ItemExternalId.Value, Is.EqualTo("120645-5"));
        Assert.That(stock.ShopExternalId.Value, Is.EqualTo("120645-1"));
        Assert.That(stock.QuantityOnHand, Is.EqualTo(3m));
    }
}
