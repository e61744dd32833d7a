using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary>A <c>SaleVoid</c>.</summary>
internal sealed class SaleVoidDto
{
    [JsonPropertyName("saleVoidID")]
    public string? SaleVoidId { get; init; }

    [JsonPropertyName("saleID")]
    public string? SaleId { get; init; }

    [JsonPropertyName("shopID")]
    public string? ShopId { get; init; }

    [JsonPropertyName("employeeID")]
    public string? EmployeeId { get; init; }

    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    [JsonPropertyName("createTime")]
    public DateTimeOffset? CreateTime { get; init; }
}
