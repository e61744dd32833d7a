namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>
/// A sale line. The calc amounts are kept unrounded, as the real API shows them (<c>75.032</c>; reference
/// section 9 item 5). Refund lines have a negative quantity and a <see cref="ParentSaleLineId"/>.
/// </summary>
internal sealed class SaleLineRecord
{
    public int SaleLineId { get; init; }

    public int SaleId { get; init; }

    public int ItemId { get; init; }

    public int UnitQuantity { get; init; }

    public decimal UnitPrice { get; init; }

    public decimal DiscountPercent { get; init; }

    public decimal AvgCost { get; init; }

    public decimal Tax1Rate { get; init; }

    public decimal Tax2Rate { get; init; }

    public int ParentSaleLineId { get; init; }

    public int ShopId { get; set; }

    public int CustomerId { get; set; }

    public int EmployeeId { get; init; }

    public int TaxClassId { get; init; }

    public DateTimeOffset CreateTime { get; init; }

    public DateTimeOffset TimeStamp { get; set; }

    public decimal CalcSubtotal => UnitQuantity * UnitPrice;

    public decimal CalcLineDiscount => CalcSubtotal * DiscountPercent;

    public decimal DisplayableSubtotal => CalcSubtotal - CalcLineDiscount;

    public decimal CalcTax1 => DisplayableSubtotal * Tax1Rate;

    public decimal CalcTax2 => DisplayableSubtotal * Tax2Rate;

    public decimal CalcTotal => DisplayableSubtotal + CalcTax1 + CalcTax2;

    /// <summary>Wire values written instead of the computed ones (see <see cref="SaleRecord.RawFields"/>).</summary>
    public Dictionary<string, byte[]> RawFields { get; } = new(StringComparer.Ordinal);
}
