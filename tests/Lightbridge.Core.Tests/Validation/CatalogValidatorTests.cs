using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Core.Validation;
using static Lightbridge.Core.Tests.Normalization.Records;

namespace Lightbridge.Core.Tests.Validation;

public sealed class CatalogValidatorTests
{
    private static Item Item(string description) =>
        new(Id("5"), null, "SKU", null, null, null, description, 10m, [], false, ItemType.Default, T0, T0, []);

    [Test]
    public void Validate_ItemWithoutDescription_FailsItemNeedsName()
    {
        var failure = CatalogValidator.Validate(ItemNormalizer.Normalize(Item("  "), AccountContext())).Single();

        Assert.That(failure.Rule, Is.EqualTo(ValidationRules.ItemNeedsName));
        Assert.That(failure.Message, Does.Contain("Item 5"));
    }

    [Test]
    public void Validate_NamedItem_Valid()
    {
        Assert.That(CatalogValidator.Validate(ItemNormalizer.Normalize(Item("Mug"), AccountContext())), Is.Empty);
    }

    [Test]
    public void Validate_ShopWithoutName_FailsShopNeedsName()
    {
        var shop = ShopNormalizer.Normalize(new Shop(Id("1"), " ", "Europe/London", false, T0), AccountContext());

        Assert.That(CatalogValidator.Validate(shop).Single().Rule, Is.EqualTo(ValidationRules.ShopNeedsName));
    }

    [Test]
    public void Validate_StockBeyondNumberField_FailsAmountOutOfRange()
    {
        var stock = ItemShopNormalizer.Normalize(new ItemShop(Id("51"), Id("5"), Id("1"), 1_000_000_000_000m, 0, 0, T0), AccountContext())!;

        Assert.That(CatalogValidator.Validate(stock).Single().Rule, Is.EqualTo(ValidationRules.AmountOutOfRange));
    }
}
