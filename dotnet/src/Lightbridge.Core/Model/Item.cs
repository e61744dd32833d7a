namespace Lightbridge.Core.Model;

/// <summary>A Lightspeed item (product).</summary>
/// <param name="Id">The Lightspeed item id.</param>
/// <param name="SystemSku">Lightspeed's own read-only SKU, printed on labels.</param>
/// <param name="CustomSku">The merchant's SKU, or null when blank.</param>
/// <param name="ManufacturerSku">The manufacturer's SKU, or null when blank.</param>
/// <param name="Upc">UPC barcode, or null when blank.</param>
/// <param name="Ean">EAN barcode, or null when blank.</param>
/// <param name="Description">The item's name as shown in the POS.</param>
/// <param name="DefaultPrice">The amount of the <c>Default</c> price level, or null when the item has none.</param>
/// <param name="Prices">Every price level of the item (Default, MSRP, Online, ...).</param>
/// <param name="Archived">Whether the item is archived (items are never deleted, only archived).</param>
/// <param name="ItemType">The kind of item.</param>
/// <param name="CreatedAt">When the item was created, UTC.</param>
/// <param name="UpdatedAt">
/// Lightspeed <c>Item.timeStamp</c>, UTC. It does not move on stock changes
/// (shared/reference/lightspeed-api.md §9.8); stock is read from <see cref="ItemShop"/>.
/// </param>
/// <param name="ItemShops">Stock per shop when the <c>ItemShops</c> relation was loaded; otherwise empty.</param>
public sealed record Item(
    LightspeedId Id,
    string? SystemSku,
    string? CustomSku,
    string? ManufacturerSku,
    string? Upc,
    string? Ean,
    string Description,
    decimal? DefaultPrice,
    IReadOnlyList<ItemPrice> Prices,
    bool Archived,
    ItemType ItemType,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<ItemShop> ItemShops)
{
    /// <summary>
    /// The wire fields that held something other than a number (read as zero here); validation queues the record for
    /// them with <c>MoneyParses</c>, naming each field.
    /// </summary>
    public IReadOnlyList<string> MalformedFields { get; init; } = [];

    /// <summary>
    /// The source's change sequence number: X-Series's <c>version</c>, a global counter bumped on every change and
    /// the cursor incremental reads resume after. Null for R-Series, whose reads resume from <c>timeStamp</c>.
    /// </summary>
    public long? ChangeVersion { get; init; }
}
