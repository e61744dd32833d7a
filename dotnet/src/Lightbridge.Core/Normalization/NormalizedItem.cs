using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;

namespace Lightbridge.Core.Normalization;

/// <summary>An item ready for mapping to <c>Product2</c>.</summary>
/// <param name="Source">The item as read.</param>
/// <param name="ExternalId">Its <c>Lightspeed_Item_Id__c</c>.</param>
/// <param name="Name">The item's description, trimmed: the product name.</param>
/// <param name="Sku">The SKU for <c>ProductCode</c>: the merchant's custom SKU, else Lightspeed's system SKU, else the manufacturer's.</param>
/// <param name="Price">The default price rounded to cents, or null when the item has none.</param>
public sealed record NormalizedItem(Item Source, ExternalId ExternalId, string Name, string? Sku, decimal? Price)
{
    /// <summary>Items are never deleted in Lightspeed, only archived (shared/reference/lightspeed-api.md §9.16).</summary>
    public bool IsActive => !Source.Archived;
}
