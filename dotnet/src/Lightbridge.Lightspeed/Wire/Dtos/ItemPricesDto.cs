using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary><c>Prices</c>: one <c>ItemPrice</c> object or an array of them.</summary>
internal sealed class ItemPricesDto
{
    [JsonPropertyName("ItemPrice")]
    public List<ItemPriceDto> ItemPrice { get; init; } = [];
}
