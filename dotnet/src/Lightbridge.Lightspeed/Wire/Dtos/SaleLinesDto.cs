using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary><c>SaleLines</c>: one <c>SaleLine</c> object or an array of them.</summary>
internal sealed class SaleLinesDto
{
    [JsonPropertyName("SaleLine")]
    public List<SaleLineDto> SaleLine { get; init; } = [];
}
