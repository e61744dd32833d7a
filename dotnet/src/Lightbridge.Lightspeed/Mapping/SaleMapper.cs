using Lightbridge.Core.Model;
using Lightbridge.Lightspeed.Wire.Dtos;
using static Lightbridge.Lightspeed.Mapping.WireValues;

namespace Lightbridge.Lightspeed.Mapping;

/// <summary>
/// Maps sales with their lines and payments. Refunds are ordinary sales with negative <c>unitQuantity</c>
/// and a <c>parentSaleLineID</c> (there is no refund flag), voids are completed sales with
/// <c>voided="true"</c> (shared/reference/lightspeed-api.md §9.6, §9.7).
/// </summary>
internal static class SaleMapper
{
    public static Sale Map(SaleDto dto, ShopTimeZones zones)
    {
        var id = Required(dto.SaleId, "Sale", "saleID");
        var lines = (dto.SaleLines?.SaleLine ?? []).Select(l => Map(l, id)).ToList();
        var payments = (dto.SalePayments?.SalePayment ?? []).Select(p => Map(p, id)).ToList();

        var malformed = new List<string>();
        var subtotal = Amount(dto.CalcSubtotal, "calcSubtotal", malformed);
        var discount = Amount(dto.CalcDiscount, "calcDiscount", malformed);
        var tax = Sum(dto.CalcTax1, "calcTax1", dto.CalcTax2, "calcTax2", malformed);
        var sentTotal = Amount(dto.Total, "total", malformed);
        var calcTotal = Amount(dto.CalcTotal, "calcTotal", malformed);
        var total = dto.Total.HasValue ? sentTotal : dto.CalcTotal.HasValue ? calcTotal : subtotal - discount + tax;

        var status = dto.Voided ? SaleStatus.Voided : dto.Completed ? SaleStatus.Completed : SaleStatus.Open;

        // Without loaded lines, a negative total is the only refund signal left (§3, Refunds).
        var isRefund = lines.Count > 0 ? lines.Any(l => l.IsRefund) : total < 0;
        var shopId = Reference(dto.ShopId);

        return new Sale(
            id,
            shopId,
            Reference(dto.RegisterId),
            Reference(dto.CustomerId),
            Reference(dto.EmployeeId),
            Text(dto.TicketNumber),
            status,
            zones.TimeZoneOf(shopId),
            status == SaleStatus.Open ? null : dto.CompleteTime,
            dto.CreateTime,
            dto.UpdateTime ?? dto.TimeStamp,
            subtotal,
            discount,
            tax,
            total,
            isRefund,
            lines,
            payments)
        {
            MalformedFields = malformed,
        };
    }

    public static SaleLine Map(SaleLineDto dto, LightspeedId saleId)
    {
        var malformed = new List<string>();
        return new(
            Required(dto.SaleLineId, "SaleLine", "saleLineID"),
            Reference(dto.SaleId) ?? saleId,
            Reference(dto.ItemId),
            Amount(dto.UnitQuantity, "unitQuantity", malformed),
            Amount(dto.UnitPrice, "unitPrice", malformed),
            Sum(dto.CalcLineDiscount, "calcLineDiscount", dto.CalcTransactionDiscount, "calcTransactionDiscount", malformed),
            Sum(dto.CalcTax1, "calcTax1", dto.CalcTax2, "calcTax2", malformed),
            Amount(dto.CalcTotal, "calcTotal", malformed),
            Reference(dto.ParentSaleLineId),
            dto.CreateTime,
            dto.TimeStamp)
        {
            MalformedFields = malformed,
        };
    }

    public static SalePayment Map(SalePaymentDto dto, LightspeedId saleId)
    {
        var malformed = new List<string>();
        return new(
            Required(dto.SalePaymentId, "SalePayment", "salePaymentID"),
            Reference(dto.SaleId) ?? saleId,
            Reference(dto.PaymentTypeId) ?? Reference(dto.PaymentType?.PaymentTypeId),
            Text(dto.PaymentType?.Name),
            dto.PaymentType is { } type ? CatalogMapper.Kind(type.Type) : null,
            Amount(dto.Amount, "amount", malformed),
            dto.CreateTime,
            dto.Archived)
        {
            MalformedFields = malformed,
        };
    }

    public static SaleVoid Map(SaleVoidDto dto) =>
        new(
            Required(dto.SaleVoidId, "SaleVoid", "saleVoidID"),
            Required(dto.SaleId, "SaleVoid", "saleID"),
            Reference(dto.ShopId),
            Reference(dto.EmployeeId),
            Text(dto.Reason),
            dto.CreateTime);
}
