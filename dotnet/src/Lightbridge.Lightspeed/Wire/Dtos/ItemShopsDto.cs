using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary><c>ItemShops</c>: one <c>ItemShop</c> object or an array of them.</summary>
internal sealed class ItemShopsDto
{
    [JsonPropertyName("ItemShop")]
    public List<ItemShopDto> ItemShop { get; init; } = [];
}
