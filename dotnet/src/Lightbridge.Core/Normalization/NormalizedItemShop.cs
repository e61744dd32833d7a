using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;

namespace Lightbridge.Core.Normalization;

/// <summary>One shop's stock of one item, ready for mapping to <c>Lightspeed_Inventory__c</c>.</summary>
/// <param name="Source">The stock row as read.</param>
/// <param name="ExternalId">Its <c>Lightspeed_Item_Shop_Id__c</c>.</param>
/// <param name="ItemExternalId">The product's <c>Lightspeed_Item_Id__c</c>.</param>
/// <param name="ShopExternalId">The store's <c>Lightspeed_Shop_Id__c</c>.</param>
/// <param name="QuantityOnHand">Units on hand, rounded to 4 decimals.</param>
/// <param name="ReorderPoint">Reorder point, rounded to 4 decimals.</param>
public sealed record NormalizedItemShop(
    ItemShop Source,
    ExternalId ExternalId,
    ExternalId ItemExternalId,
    ExternalId ShopExternalId,
    decimal QuantityOnHand,
    decimal ReorderPoint)
{
    /// <summary>The <c>Store_Code__c</c> of the row's store, derived from the shop's ids (<see cref="ShopNormalizer.StoreCode"/>).</summary>
    public string StoreCode => ShopNormalizer.StoreCode(ShopExternalId);
}
