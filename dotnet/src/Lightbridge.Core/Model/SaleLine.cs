namespace Lightbridge.Core.Model;

/// <summary>One line of a sale.</summary>
/// <param name="Id">The Lightspeed saleLine id.</param>
/// <param name="SaleId">The sale the line belongs to.</param>
/// <param name="ItemId">The item sold, or null for a misc line (<c>itemID "0"</c>).</param>
/// <param name="Quantity">Units; negative on a refund line (shared/reference/lightspeed-api.md §9.6).</param>
/// <param name="UnitPrice">Price per unit; positive even on refund lines.</param>
/// <param name="Discount">Line plus share of transaction discount (<c>calcLineDiscount + calcTransactionDiscount</c>).</param>
/// <param name="Tax">Line tax, <c>calcTax1 + calcTax2</c>, unrounded as Lightspeed sends it.</param>
/// <param name="LineTotal">Line total (<c>calcTotal</c>), unrounded: summing lines need not give the sale total.</param>
/// <param name="ParentLineId">For a refund line, the original line it refunds; otherwise null.</param>
/// <param name="CreatedAt">When the line was created, UTC.</param>
/// <param name="UpdatedAt">When the line last changed, UTC.</param>
public sealed record SaleLine(
    LightspeedId Id,
    LightspeedId SaleId,
    LightspeedId? ItemId,
    decimal Quantity,
    decimal UnitPrice,
    decimal Discount,
    decimal Tax,
    decimal LineTotal,
    LightspeedId? ParentLineId,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>Whether the line refunds goods: a negative quantity or a parent line.</summary>
    public bool IsRefund => Quantity < 0 || ParentLineId is not null;

    /// <summary>Whether the line sells no catalogued item (a misc line).</summary>
    public bool IsMisc => ItemId is null;

    /// <summary>
    /// The wire fields that held something other than a number (read as zero here); validation queues the record for
    /// them with <c>MoneyParses</c>, naming each field.
    /// </summary>
    public IReadOnlyList<string> MalformedFields { get; init; } = [];
}
