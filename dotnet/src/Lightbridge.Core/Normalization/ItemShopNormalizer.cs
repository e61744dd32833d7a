using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;

namespace Lightbridge.Core.Normalization;

/// <summary>Normalizes one shop's stock row for <c>Lightspeed_Inventory__c</c>.</summary>
public static class ItemShopNormalizer
{
    /// <summary>
    /// Normalizes <paramref name="itemShop"/>, or returns null for the all-shops summary row (<c>shopID "0"</c>), which
    /// is a total, not a store's stock (shared/reference/lightspeed-api.md §3, Item).
    /// </summary>
    public static NormalizedItemShop? Normalize(ItemShop itemShop, AccountContext account)
    {
        ArgumentNullException.ThrowIfNull(itemShop);
        ArgumentNullException.ThrowIfNull(account);
        if (itemShop.ShopId is not { } shop)
        {
            return null;
        }

        return new NormalizedItemShop(
            itemShop,
            new ExternalId(account.AccountId, itemShop.Id),
            new ExternalId(account.AccountId, itemShop.ItemId),
            new ExternalId(account.AccountId, shop),
            MoneyRounding.ToQuantity(itemShop.QuantityOnHand),
            MoneyRounding.ToQuantity(itemShop.ReorderPoint));
    }
}
