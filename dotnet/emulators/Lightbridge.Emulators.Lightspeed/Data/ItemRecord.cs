namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>An item with its three price levels (Default, MSRP, Online) inline as <c>Prices.ItemPrice</c>.</summary>
internal sealed class ItemRecord
{
    public int ItemId { get; init; }

    public required string SystemSku { get; init; }

    public string CustomSku { get; set; } = string.Empty;

    public string ManufacturerSku { get; set; } = string.Empty;

    public string Upc { get; set; } = string.Empty;

    public string Ean { get; set; } = string.Empty;

    public required string Description { get; set; }

    public decimal DefaultCost { get; set; }

    public decimal PriceDefault { get; set; }

    public decimal PriceMsrp { get; set; }

    public decimal PriceOnline { get; set; }

    public bool Tax { get; set; } = true;

    public bool Discountable { get; set; } = true;

    public bool Archived { get; set; }

    public string ItemType { get; set; } = "default";

    public int ModelYear { get; set; }

    public int CategoryId { get; set; }

    public int ManufacturerId { get; set; }

    public int DefaultVendorId { get; set; }

    public int TaxClassId { get; set; } = 1;

    public DateTimeOffset CreateTime { get; init; }

    public DateTimeOffset TimeStamp { get; set; }
}
