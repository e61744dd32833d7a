using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary>An <c>ItemShop</c> (stock of an item in a shop).</summary>
internal sealed class ItemShopDto
{
    [JsonPropertyName("itemShopID")]
    public string? ItemShopId { get; init; }

    [JsonPropertyName("itemID")]
    public string? ItemId { get; init; }

    [JsonPropertyName("shopID")]
    public string? ShopId { get; init; }

    [JsonPropertyName("qoh")]
    public WireNumber Qoh { get; init; }

    [JsonPropertyName("reorderPoint")]
    public WireNumber ReorderPoint { get; init; }

    [JsonPropertyName("reorderLevel")]
    public WireNumber ReorderLevel { get; init; }

    [JsonPropertyName("timeStamp")]
    public DateTimeOffset? TimeStamp { get; init; }
}
