using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using static Lightbridge.Core.Tests.Normalization.Records;

namespace Lightbridge.Core.Tests.Normalization;

public sealed class CatalogNormalizerTests
{
    [Test]
    public void StoreCode_Shop_AccountAndShopIdsNotTheName()
    {
        var shop = ShopNormalizer.Normalize(new Shop(Id("1"), " Down-town Store ", "US/Eastern", false, T0), AccountContext());

        Assert.That(shop.StoreCode, Is.EqualTo("S120645_1"));
        Assert.That(shop.Name, Is.EqualTo("Down-town Store"));
        Assert.That(shop.ExternalId.Value, Is.EqualTo("120645-1"));
    }

    [Test]
    public void StoreCode_ShopRenamed_CodeUnchanged()
    {
        var before = ShopNormalizer.Normalize(new Shop(Id("7"), "Downtown", "UTC", false, T0), AccountContext());
        var after = ShopNormalizer.Normalize(new Shop(Id("7"), "Downtown Flagship (renovated)", "UTC", false, T0), AccountContext());

        Assert.That(after.StoreCode, Is.EqualTo(before.StoreCode));
    }

    [Test]
    public void StoreCode_SameShopIdInTwoAccounts_DifferentCodes() =>
        Assert.That(ShopNormalizer.StoreCode(ExternalId.Parse("120645-1")), Is.Not.EqualTo(ShopNormalizer.StoreCode(ExternalId.Parse("120646-1"))));

    [Test]
    public void StoreCode_IdsThatMightRunTogether_StayApart() =>
        // "1" + "21" and "12" + "1" would both read 121 without the separator.
        Assert.That(ShopNormalizer.StoreCode(ExternalId.Parse("1-21")), Is.Not.EqualTo(ShopNormalizer.StoreCode(ExternalId.Parse("12-1"))));

    [TestCase("120645-1", "S120645_1")]
    [TestCase("1234567890-12345678", "S1234567890_12345678")]
    public void StoreCode_NumericIdsThatFit_ReadableForm(string shopId, string expected) =>
        Assert.That(ShopNormalizer.StoreCode(ExternalId.Parse(shopId)), Is.EqualTo(expected));

    [TestCase("1234567890-123456789")]
    [TestCase("12345678901234567890-1")]
    [TestCase("120645-abc")]
    public void StoreCode_IdsTooLongOrNotNumeric_HashedFormOfTwentyCharacters(string shopId)
    {
        var code = ShopNormalizer.StoreCode(ExternalId.Parse(shopId));

        Assert.That(code, Has.Length.EqualTo(ShopNormalizer.StoreCodeMaxLength));
        Assert.That(code, Does.Match("^H[A-Z2-7]{19}$"));
        Assert.That(ShopNormalizer.StoreCode(ExternalId.Parse(shopId)), Is.EqualTo(code), "the same shop always gets the same code");
        Assert.That(ShopNormalizer.IsStoreCode(code), Is.True);
    }

    [Test]
    public void StoreCode_ManyShopsOfManyAccounts_UniqueAndUsableInAGroupDeveloperName()
    {
        var random = new Random(11);
        var shops = new HashSet<string>(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < 2_000; i++)
        {
            // Half in one account, half spread over accounts with ids long enough to force the hashed form now and then.
            var account = random.Next(2) == 0 ? "120645" : random.NextInt64(1, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var shop = random.NextInt64(1, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var code = ShopNormalizer.StoreCode(ExternalId.Parse($"{account}-{shop}"));
            var group = Lightbridge.Core.Sharing.SharingNames.StoreGroup(code);
            Assert.That(code, Has.Length.LessThanOrEqualTo(ShopNormalizer.StoreCodeMaxLength));
            Assert.That(Lightbridge.Core.Sharing.SharingNames.IsUsableCode(code), Is.True, code);
            Assert.That(group, Does.Match("^[A-Za-z](?:_?[A-Za-z0-9])*$").And.Length.LessThanOrEqualTo(80), group);
            Assert.That(ShopNormalizer.IsStoreCode(code), Is.True, code);
            shops.Add($"{account}-{shop}");
            codes.Add(code);
        }

        Assert.That(codes, Has.Count.EqualTo(shops.Count), "one code per shop, even ignoring case (Store_Code__c is unique and case-insensitive)");
        Assert.That(codes.Count(c => c[0] == 'H'), Is.GreaterThan(0), "some ids were too long for the readable form");
    }

    [TestCase("S120645_1", true)]
    [TestCase("DOWNTOWN-120645-1", false)]
    [TestCase("S0120645_1", false)]
    [TestCase("S_1", false)]
    [TestCase("s120645_1", false)]
    [TestCase("HABC", false)]
    public void IsStoreCode_Text_RecognisesTheDerivedForm(string code, bool expected) =>
        Assert.That(ShopNormalizer.IsStoreCode(code), Is.EqualTo(expected));

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
