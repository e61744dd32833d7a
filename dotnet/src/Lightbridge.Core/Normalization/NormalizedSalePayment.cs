using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;

namespace Lightbridge.Core.Normalization;

/// <summary>A sale payment with account-scoped references and its amount rounded to cents.</summary>
/// <param name="Source">The payment as read.</param>
/// <param name="ExternalId">Its <c>Lightspeed_Payment_Id__c</c>.</param>
/// <param name="SaleExternalId">Its sale's <c>Lightspeed_Sale_Id__c</c>.</param>
/// <param name="PaymentTypeName">The payment type shown on receipts, or <c>Unknown</c> when the relation was not loaded.</param>
/// <param name="Amount">Amount including tip, rounded to cents; negative for a refund.</param>
/// <param name="PaidAt">When the payment was taken, UTC.</param>
/// <param name="IsVoided">Archived payments "are essentially voided" (shared/reference/lightspeed-api.md §3, SalePayment).</param>
public sealed record NormalizedSalePayment(
    SalePayment Source,
    ExternalId ExternalId,
    ExternalId SaleExternalId,
    string PaymentTypeName,
    decimal Amount,
    DateTimeOffset? PaidAt,
    bool IsVoided);
