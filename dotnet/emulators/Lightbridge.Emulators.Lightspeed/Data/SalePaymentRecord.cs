namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>A payment; negative for refunds (reference section 9 item 6).</summary>
internal sealed class SalePaymentRecord
{
    public int SalePaymentId { get; init; }

    public int SaleId { get; init; }

    public decimal Amount { get; init; }

    public int PaymentTypeId { get; init; }

    public int RegisterId { get; init; }

    public int EmployeeId { get; init; }

    public int RefPaymentId { get; init; }

    public DateTimeOffset CreateTime { get; init; }
}
