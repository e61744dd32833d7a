namespace Lightbridge.Core.Model;

/// <summary>One payment of a sale; negative for a refund.</summary>
/// <param name="Id">The Lightspeed salePayment id.</param>
/// <param name="SaleId">The sale paid.</param>
/// <param name="PaymentTypeId">The payment type, or null.</param>
/// <param name="PaymentTypeName">The payment type's name (e.g. <c>Cash</c>), when the <c>SalePayments.PaymentType</c> relation was loaded.</param>
/// <param name="PaymentKind">The payment type's kind, when loaded.</param>
/// <param name="Amount">Amount including tip; negative for refunds.</param>
/// <param name="CreatedAt">When the payment was taken, UTC.</param>
/// <param name="Archived">Archived payments are in effect voided.</param>
public sealed record SalePayment(
    LightspeedId Id,
    LightspeedId SaleId,
    LightspeedId? PaymentTypeId,
    string? PaymentTypeName,
    PaymentKind? PaymentKind,
    decimal Amount,
    DateTimeOffset? CreatedAt,
    bool Archived)
{
    /// <summary>
    /// The wire fields that held something other than a number (read as zero here); validation queues the record for
    /// them with <c>MoneyParses</c>, naming each field.
    /// </summary>
    public IReadOnlyList<string> MalformedFields { get; init; } = [];
}
