using Lightbridge.Core.Failures;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;

namespace Lightbridge.Core.Validation;

/// <summary>Validates the catalogue records: shops, items and stock rows.</summary>
public static class CatalogValidator
{
    /// <summary>The length of <c>Product2.Name</c> and <c>Product2.ProductCode</c>.</summary>
    public const int ProductTextMaxLength = 255;

    /// <summary>The length of <c>Lightspeed_Store__c.Name</c> (a Text name field holds 80).</summary>
    public const int StoreNameMaxLength = 80;

    /// <summary>The length of <c>Time_Zone__c</c>.</summary>
    public const int TimeZoneMaxLength = 64;

    /// <summary>Returns the failures of a shop.</summary>
    public static IReadOnlyList<RecordFailure> Validate(NormalizedShop shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var failures = new FailureCollector();
        var id = shop.Source.Id;
        if (shop.Name.Length == 0)
        {
            failures.Add(SyncEntity.Shop, id, nameof(Shop.Name), ValidationRules.ShopNeedsName, $"Shop {id} has no name.");
        }

        failures.CheckLength(SyncEntity.Shop, id, nameof(Shop.Name), shop.Name, StoreNameMaxLength);
        failures.CheckLength(SyncEntity.Shop, id, nameof(Shop.TimeZone), shop.Source.TimeZone, TimeZoneMaxLength);
        return failures.Failures;
    }

    /// <summary>Returns the failures of an item.</summary>
    public static IReadOnlyList<RecordFailure> Validate(NormalizedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var failures = new FailureCollector();
        var id = item.Source.Id;
        if (item.Name.Length == 0)
        {
            failures.Add(SyncEntity.Item, id, nameof(Item.Description), ValidationRules.ItemNeedsName,
                $"Item {id} has no description, and Product2.Name is required.");
        }

        failures.CheckNumbers(SyncEntity.Item, id, item.Source.MalformedFields);
        failures.CheckLength(SyncEntity.Item, id, nameof(Item.Description), item.Name, ProductTextMaxLength);
        failures.CheckLength(SyncEntity.Item, id, nameof(Item.CustomSku), item.Sku, ProductTextMaxLength);
        if (item.Price is { } price)
        {
            failures.CheckFits(SyncEntity.Item, id, nameof(Item.DefaultPrice), price, MoneyRounding.CurrencyScale);
        }

        return failures.Failures;
    }

    /// <summary>Returns the failures of a stock row.</summary>
    public static IReadOnlyList<RecordFailure> Validate(NormalizedItemShop itemShop)
    {
        ArgumentNullException.ThrowIfNull(itemShop);
        var failures = new FailureCollector();
        var id = itemShop.Source.Id;
        failures.CheckNumbers(SyncEntity.ItemShop, id, itemShop.Source.MalformedFields);
        failures.CheckFits(SyncEntity.ItemShop, id, nameof(ItemShop.QuantityOnHand), itemShop.QuantityOnHand, MoneyRounding.QuantityScale);
        failures.CheckFits(SyncEntity.ItemShop, id, nameof(ItemShop.ReorderPoint), itemShop.ReorderPoint, MoneyRounding.QuantityScale);
        return failures.Failures;
    }
}
