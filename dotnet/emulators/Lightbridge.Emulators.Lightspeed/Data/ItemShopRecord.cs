namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>Stock of an item in a shop; <see cref="ShopId"/> 0 is the all-shops summary (reference section 3, Item).</summary>
internal sealed class ItemShopRecord
{
    public int ItemShopId { get; init; }

    public int ItemId { get; init; }

    public int ShopId { get; init; }

    public int Qoh { get; set; }

    public int Backorder { get; set; }

    public int ReorderPoint { get; set; }

    public int ReorderLevel { get; set; }

    public decimal AverageCost { get; set; }

    public DateTimeOffset TimeStamp { get; set; }
}
