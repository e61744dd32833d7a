using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;

namespace Lightbridge.Core.Normalization;

/// <summary>A sale line with account-scoped references and amounts rounded as Salesforce stores them.</summary>
/// <param name="Source">The line as read.</param>
/// <param name="ExternalId">Its <c>Lightspeed_Sale_Line_Id__c</c>.</param>
/// <param name="SaleExternalId">Its sale's <c>Lightspeed_Sale_Id__c</c>.</param>
/// <param name="ItemExternalId">The product's <c>Lightspeed_Item_Id__c</c>; null for a misc line.</param>
/// <param name="OriginalLineExternalId">For a refund line, the line it refunds (<c>parentSaleLineID</c>).</param>
/// <param name="Quantity">Units, rounded to 4 decimals; negative on a refund line.</param>
/// <param name="UnitPrice">Price per unit, rounded to cents.</param>
/// <param name="Discount">Discount, rounded to cents.</param>
/// <param name="Tax">Tax (<c>calcTax1 + calcTax2</c>), rounded to cents.</param>
/// <param name="LineTotal">Line total, rounded to cents.</param>
public sealed record NormalizedSaleLine(
    SaleLine Source,
    ExternalId ExternalId,
    ExternalId SaleExternalId,
    ExternalId? ItemExternalId,
    ExternalId? OriginalLineExternalId,
    decimal Quantity,
    decimal UnitPrice,
    decimal Discount,
    decimal Tax,
    decimal LineTotal)
{
    /// <summary>Whether the line refunds goods (negative quantity or a parent line; shared/reference/lightspeed-api.md §9.6).</summary>
    public bool IsRefund => Source.IsRefund;
}
