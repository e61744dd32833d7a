using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary>A <c>PaymentType</c>.</summary>
internal sealed class PaymentTypeDto
{
    [JsonPropertyName("paymentTypeID")]
    public string? PaymentTypeId { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("archived")]
    public bool Archived { get; init; }
}
