using System.Text.Json.Serialization;
using Lightbridge.Lightspeed.Wire.Converters;

namespace Lightbridge.Lightspeed.Wire.Dtos;

/// <summary>A <c>Sale</c>; <c>SaleLines</c> and <c>SalePayments</c> are missing when empty (§9.2).</summary>
internal sealed class SaleDto
{
    [JsonPropertyName("saleID")]
    public string? SaleId { get; init; }

    [JsonPropertyName("shopID")]
    public string? ShopId { get; init; }

    [JsonPropertyName("registerID")]
    public string? RegisterId { get; init; }

    [JsonPropertyName("customerID")]
    public string? CustomerId { get; init; }

    [JsonPropertyName("employeeID")]
    public string? EmployeeId { get; init; }

    [JsonPropertyName("ticketNumber")]
    public string? TicketNumber { get; init; }

    [JsonPropertyName("completed")]
    public bool Completed { get; init; }

    [JsonPropertyName("voided")]
    public bool Voided { get; init; }

    [JsonPropertyName("archived")]
    public bool Archived { get; init; }

    [JsonPropertyName("completeTime")]
    public DateTimeOffset? CompleteTime { get; init; }

    [JsonPropertyName("createTime")]
    public DateTimeOffset? CreateTime { get; init; }

    [JsonPropertyName("updatetime")]
    public DateTimeOffset? UpdateTime { get; init; }

    [JsonPropertyName("timeStamp")]
    public DateTimeOffset? TimeStamp { get; init; }

    [JsonPropertyName("calcSubtotal")]
    public WireNumber CalcSubtotal { get; init; }

    [JsonPropertyName("calcDiscount")]
    public WireNumber CalcDiscount { get; init; }

    [JsonPropertyName("calcTax1")]
    public WireNumber CalcTax1 { get; init; }

    [JsonPropertyName("calcTax2")]
    public WireNumber CalcTax2 { get; init; }

    [JsonPropertyName("calcTotal")]
    public WireNumber CalcTotal { get; init; }

    [JsonPropertyName("total")]
    public WireNumber Total { get; init; }

    [JsonPropertyName("SaleLines")]
    [JsonConverter(typeof(WireObjectConverter<SaleLinesDto>))]
    public SaleLinesDto? SaleLines { get; init; }

    [JsonPropertyName("SalePayments")]
    [JsonConverter(typeof(WireObjectConverter<SalePaymentsDto>))]
    public SalePaymentsDto? SalePayments { get; init; }
}
