namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>The record of a void (reference section 3, Voids).</summary>
internal sealed class SaleVoidRecord
{
    public int SaleVoidId { get; init; }

    public int SaleId { get; init; }

    public int EmployeeId { get; init; }

    public int ShopId { get; init; }

    public required string Reason { get; init; }

    public DateTimeOffset CreateTime { get; init; }
}
