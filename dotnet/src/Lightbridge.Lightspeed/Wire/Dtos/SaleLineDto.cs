using System.Text.Json.Serialization;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary>One <c>SaleLine</c>; amounts unrounded (§9.5).</summary>
internal sealed class SaleLineDto
{
    [JsonPropertyName("saleLineID")]
    public string? SaleLineId { get; init; }

    [JsonPropertyName("saleID")]
    public string? SaleId { get; init; }

    [JsonPropertyName("itemID")]
    public string? ItemId { get; init; }

    [JsonPropertyName("unitQuantity")]
    public WireNumber UnitQuantity { get; init; }

    [JsonPropertyName("unitPrice")]
    public WireNumber UnitPrice { get; init; }

    [JsonPropertyName("calcLineDiscount")]
    public WireNumber CalcLineDiscount { get; init; }

    [JsonPropertyName("calcTransactionDiscount")]
    public WireNumber CalcTransactionDiscount { get; init; }

    [JsonPropertyName("calcSubtotal")]
    public WireNumber CalcSubtotal { get; init; }

    [JsonPropertyName("calcTax1")]
    public WireNumber CalcTax1 { get; init; }

    [JsonPropertyName("calcTax2")]
    public WireNumber CalcTax2 { get; init; }

    [JsonPropertyName("calcTotal")]
    public WireNumber CalcTotal { get; init; }

    [JsonPropertyName("parentSaleLineID")]
    public string? ParentSaleLineId { get; init; }

    [JsonPropertyName("createTime")]
    public DateTimeOffset? CreateTime { get; init; }

    [JsonPropertyName("timeStamp")]
    public DateTimeOffset? TimeStamp { get; init; }
}
