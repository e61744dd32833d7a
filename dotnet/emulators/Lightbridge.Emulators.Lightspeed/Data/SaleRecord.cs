namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>
/// A sale. <see cref="TimeStamp"/> is the completion time once complete; <see cref="UpdateTime"/> moves on any
/// edit including a void (reference section 9 item 7). Sale-level amounts are the lines' sums rounded to cents.
/// </summary>
internal sealed class SaleRecord
{
    public int SaleId { get; init; }

    public int ShopId { get; set; }

    public int RegisterId { get; init; }

    public int CustomerId { get; set; }

    public int EmployeeId { get; init; }

    public bool Completed { get; set; }

    public bool Voided { get; set; }

    public decimal Tax1Rate { get; init; }

    public decimal Tax2Rate { get; init; }

    public required string TicketNumber { get; init; }

    public DateTimeOffset CreateTime { get; init; }

    public DateTimeOffset TimeStamp { get; set; }

    public DateTimeOffset UpdateTime { get; set; }

    public DateTimeOffset? CompleteTime { get; set; }

    public List<SaleLineRecord> Lines { get; } = [];

    /// <summary>
    /// Wire values written instead of the computed ones (control surface <c>setRaw</c>), as raw JSON fragments in UTF-8
    /// (an empty fragment leaves the field out): a record made malformed on purpose, e.g. <c>calcTotal</c> sent as
    /// <c>"12,50"</c>, <c>shopID</c> as <c>"0"</c> or <c>SaleLines</c> as a number, and fixed again by removing it.
    /// </summary>
    public Dictionary<string, byte[]> RawFields { get; } = new(StringComparer.Ordinal);

    public List<SalePaymentRecord> Payments { get; } = [];

    public decimal CalcSubtotal => Round(Lines.Sum(l => l.CalcSubtotal));

    public decimal CalcDiscount => Round(Lines.Sum(l => l.CalcLineDiscount));

    public decimal CalcTax1 => Round(Lines.Sum(l => l.CalcTax1));

    public decimal CalcTax2 => Round(Lines.Sum(l => l.CalcTax2));

    /// <summary>total = calcSubtotal − calcDiscount + calcTax1 + calcTax2 (reference section 3, Sale).</summary>
    public decimal Total => CalcSubtotal - CalcDiscount + CalcTax1 + CalcTax2;

    public decimal CalcPayments => Payments.Sum(p => p.Amount);

    public decimal CalcAvgCost => Round(Lines.Sum(l => l.UnitQuantity * l.AvgCost));

    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
