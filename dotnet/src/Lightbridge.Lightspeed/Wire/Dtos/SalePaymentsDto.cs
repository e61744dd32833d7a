using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary><c>SalePayments</c>: one <c>SalePayment</c> object or an array of them.</summary>
internal sealed class SalePaymentsDto
{
    [JsonPropertyName("SalePayment")]
    public List<SalePaymentDto> SalePayment { get; init; } = [];
}
