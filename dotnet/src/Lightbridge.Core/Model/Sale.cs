namespace Lightbridge.Core.Model;

/// <summary>A sales receipt, a refund (a sale with negative lines) or a voided sale.</summary>
/// <param name="Id">The Lightspeed sale id.</param>
/// <param name="ShopId">The shop, or null when Lightspeed sends <c>"0"</c>.</param>
/// <param name="RegisterId">The register, or null.</param>
/// <param name="CustomerId">The customer, or null for a walk-in sale (<c>customerID "0"</c>).</param>
/// <param name="EmployeeId">The employee who rang the sale, or null.</param>
/// <param name="TicketNumber">The receipt number printed for the shopper.</param>
/// <param name="Status">Open, completed or voided.</param>
/// <param name="TimeZone">The IANA time zone of the shop, for local business dates; null when the shop is unknown.</param>
/// <param name="CompletedAt">When the sale was completed, UTC; null while open.</param>
/// <param name="CreatedAt">When the sale was started, UTC.</param>
/// <param name="UpdatedAt">
/// Lightspeed <c>updatetime</c> (or <c>timeStamp</c> when absent), UTC. A void or an edit after completion
/// may not move <c>timeStamp</c> (shared/reference/lightspeed-api.md §9.7).
/// </param>
/// <param name="Subtotal">Before discounts and tax (<c>calcSubtotal</c>).</param>
/// <param name="Discount">Total discount (<c>calcDiscount</c>).</param>
/// <param name="Tax">Total tax: <c>calcTax1 + calcTax2</c>.</param>
/// <param name="Total">Amount due: subtotal − discount + tax; negative for a refund.</param>
/// <param name="IsRefund">Whether the sale refunds earlier lines (negative quantities or a parent line).</param>
/// <param name="Lines">The lines, when the <c>SaleLines</c> relation was loaded.</param>
/// <param name="Payments">The payments, when the <c>SalePayments</c> relation was loaded.</param>
public sealed record Sale(
    LightspeedId Id,
    LightspeedId? ShopId,
    LightspeedId? RegisterId,
    LightspeedId? CustomerId,
    LightspeedId? EmployeeId,
    string? TicketNumber,
    SaleStatus Status,
    string? TimeZone,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    decimal Subtotal,
    decimal Discount,
    decimal Tax,
    decimal Total,
    bool IsRefund,
    IReadOnlyList<SaleLine> Lines,
    IReadOnlyList<SalePayment> Payments)
{
    /// <summary>Whether the sale has no customer (Lightspeed <c>customerID "0"</c>).</summary>
    public bool IsWalkIn => CustomerId is null;

    /// <summary>
    /// The wire fields that held something other than a number (read as zero here); validation queues the record for
    /// them with <c>MoneyParses</c>, naming each field.
    /// </summary>
    public IReadOnlyList<string> MalformedFields { get; init; } = [];

    /// <summary>
    /// The source's change sequence number: X-Series's <c>version</c>, a global counter bumped on every change and
    /// the cursor incremental reads resume after. Null for R-Series, whose reads resume from <c>timeStamp</c>.
    /// </summary>
    public long? ChangeVersion { get; init; }
}
