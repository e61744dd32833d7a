using System.Text.Json.Serialization;
using Lightbridge.Lightspeed.Wire.Converters;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary>One <c>SalePayment</c>, with <c>PaymentType</c> when loaded.</summary>
internal sealed class SalePaymentDto
{
    [JsonPropertyName("salePaymentID")]
    public string? SalePaymentId { get; init; }

    [JsonPropertyName("saleID")]
    public string? SaleId { get; init; }

    [JsonPropertyName("paymentTypeID")]
    public string? PaymentTypeId { get; init; }

    [JsonPropertyName("amount")]
    public WireNumber Amount { get; init; }

    [JsonPropertyName("createTime")]
    public DateTimeOffset? CreateTime { get; init; }

    [JsonPropertyName("archived")]
    public bool Archived { get; init; }

    [JsonPropertyName("PaymentType")]
    [JsonConverter(typeof(WireObjectConverter<PaymentTypeDto>))]
    public PaymentTypeDto? PaymentType { get; init; }
}
