namespace Lightbridge.Core.Model;

/// <summary>The stock of one item in one shop (Lightspeed <c>ItemShop</c>).</summary>
/// <param name="Id">The Lightspeed itemShop id.</param>
/// <param name="ItemId">The item.</param>
/// <param name="ShopId">
/// The shop, or null for the all-shops summary row that Lightspeed keeps under <c>shopID "0"</c>
/// (shared/reference/lightspeed-api.md §3, Item).
/// </param>
/// <param name="QuantityOnHand">Units on hand (<c>qoh</c>); may be negative when oversold.</param>
/// <param name="ReorderPoint">The stock level at which to reorder.</param>
/// <param name="ReorderLevel">The stock level to reorder up to.</param>
/// <param name="UpdatedAt">When the stock row last changed (<c>timeStamp</c>), UTC.</param>
public sealed record ItemShop(
    LightspeedId Id,
    LightspeedId ItemId,
    LightspeedId? ShopId,
    decimal QuantityOnHand,
    decimal ReorderPoint,
    decimal ReorderLevel,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>Whether this is the all-shops summary row rather than one shop's stock.</summary>
    public bool IsAllShopsSummary => ShopId is null;

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
