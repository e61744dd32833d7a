using System.Text.Json.Serialization;
using Lightbridge.Lightspeed.Wire.Converters;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary>An <c>Item</c>, with <c>Prices</c> and, when loaded, <c>ItemShops</c>.</summary>
internal sealed class ItemDto
{
    [JsonPropertyName("itemID")]
    public string? ItemId { get; init; }

    [JsonPropertyName("systemSku")]
    public string? SystemSku { get; init; }

    [JsonPropertyName("customSku")]
    public string? CustomSku { get; init; }

    [JsonPropertyName("manufacturerSku")]
    public string? ManufacturerSku { get; init; }

    [JsonPropertyName("upc")]
    public string? Upc { get; init; }

    [JsonPropertyName("ean")]
    public string? Ean { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("archived")]
    public bool Archived { get; init; }

    [JsonPropertyName("itemType")]
    public string? ItemType { get; init; }

    [JsonPropertyName("createTime")]
    public DateTimeOffset? CreateTime { get; init; }

    [JsonPropertyName("timeStamp")]
    public DateTimeOffset? TimeStamp { get; init; }

    [JsonPropertyName("Prices")]
    [JsonConverter(typeof(WireObjectConverter<ItemPricesDto>))]
    public ItemPricesDto? Prices { get; init; }

    [JsonPropertyName("ItemShops")]
    [JsonConverter(typeof(WireObjectConverter<ItemShopsDto>))]
    public ItemShopsDto? ItemShops { get; init; }
}
