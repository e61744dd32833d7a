using Lightbridge.Core.Failures;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Core.Validation;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Pipelines.Prices;

namespace Lightbridge.Sync.Pipelines;

/// <summary>The definitions of the three catalog entities, in dependency order: Shop, Item, ItemShop.</summary>
/// <remarks>
/// Every read sorts by <c>timeStamp</c>, which lets each batch commit its checkpoint. The reference documents
/// <c>timeStamp</c> as sortable for Item (shared/reference/lightspeed-api.md §3) but lists no sortable fields for Shop and
/// ItemShop; the emulator accepts it there. Should the real API refuse it, those two must read unsorted and commit once
/// at the end of the run.
/// </remarks>
internal static class CatalogEntities
{
    /// <summary>Shop → <c>Lightspeed_Store__c</c>. Archived shops are read too: their old sales still need a store.</summary>
    public static EntityDefinition<Shop, NormalizedShop> Shop(CompiledMappings mappings) => new()
    {
        Entity = SyncEntity.Shop,
        Read = (source, read, ct) => source.ReadShopsAsync(read, ct),
        IdOf = s => s.Id,
        ChangedAtOf = s => s.UpdatedAt,
        VersionOf = s => s.ChangeVersion,
        Normalize = ShopNormalizer.Normalize,
        Validate = CatalogValidator.Validate,
        Mapping = mappings.Store,
    };

    /// <summary>
    /// Item → <c>Product2</c> (and, under the Opportunity profile, its standard <c>PricebookEntry</c>). Archived items are read too, so <c>IsActive</c> turns false when an item is archived
    /// (Lightspeed archives instead of deleting; shared/reference/lightspeed-api.md §9.16).
    /// </summary>
    /// <param name="mappings">The mappings in force.</param>
    /// <param name="standardPrices">Each written product's standard price (Opportunity profile); null when not kept.</param>
    public static EntityDefinition<Item, NormalizedItem> Item(CompiledMappings mappings, StandardPrices? standardPrices = null) => new()
    {
        Entity = SyncEntity.Item,
        Read = (source, read, ct) => source.ReadItemsAsync(read, ct),
        IdOf = i => i.Id,
        ChangedAtOf = i => i.UpdatedAt,
        VersionOf = i => i.ChangeVersion,
        Normalize = ItemNormalizer.Normalize,
        Validate = CatalogValidator.Validate,
        Mapping = mappings.Product,
        WriteCompanions = standardPrices is null ? null : standardPrices.WriteAsync,
    };

    /// <summary>
    /// ItemShop → <c>Lightspeed_Inventory__c</c>, read from <c>/ItemShop.json</c> because a stock change does not move
    /// <c>Item.timeStamp</c> (shared/reference/lightspeed-api.md §9.8). Rows are sorted by product before loading: each
    /// insert locks its parent product, and children of one parent spread over calls contend for that lock.
    /// </summary>
    public static EntityDefinition<ItemShop, NormalizedItemShop> ItemShop(CompiledMappings mappings) => new()
    {
        Entity = SyncEntity.ItemShop,
        Read = (source, read, ct) => source.ReadItemShopsAsync(read, ct),
        IdOf = s => s.Id,
        ChangedAtOf = s => s.UpdatedAt,
        VersionOf = s => s.ChangeVersion,
        Normalize = ItemShopNormalizer.Normalize,
        Validate = CatalogValidator.Validate,
        Mapping = mappings.Inventory,
        ParentKey = s => s.ItemExternalId.Value,
    };
}
