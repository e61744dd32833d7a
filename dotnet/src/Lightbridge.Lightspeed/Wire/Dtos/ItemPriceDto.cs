using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary>One <c>ItemPrice</c> (a price level).</summary>
internal sealed class ItemPriceDto
{
    [JsonPropertyName("amount")]
    public WireNumber Amount { get; init; }

    [JsonPropertyName("useTypeID")]
    public string? UseTypeId { get; init; }

    [JsonPropertyName("useType")]
    public string? UseType { get; init; }
}
