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
    public decimal? UnitQuantity { get; init; }

    [JsonPropertyName("unitPrice")]
    public decimal? UnitPrice { get; init; }

    [JsonPropertyName("calcLineDiscount")]
    public decimal? CalcLineDiscount { get; init; }

    [JsonPropertyName("calcTransactionDiscount")]
    public decimal? CalcTransactionDiscount { get; init; }

    [JsonPropertyName("calcSubtotal")]
    public decimal? CalcSubtotal { get; init; }

    [JsonPropertyName("calcTax1")]
    public decimal? CalcTax1 { get; init; }

    [JsonPropertyName("calcTax2")]
    public decimal? CalcTax2 { get; init; }

    [JsonPropertyName("calcTotal")]
    public decimal? CalcTotal { get; init; }

    [JsonPropertyName("parentSaleLineID")]
    public string? ParentSaleLineId { get; init; }

    [JsonPropertyName("createTime")]
    public DateTimeOffset? CreateTime { get; init; }

    [JsonPropertyName("timeStamp")]
    public DateTimeOffset? TimeStamp { get; init; }
}
