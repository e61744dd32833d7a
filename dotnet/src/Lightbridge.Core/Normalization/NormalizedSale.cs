using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;

namespace Lightbridge.Core.Normalization;

/// <summary>A sale ready for validation and mapping: account-scoped references, currency, rounded money, refund and void recognised.</summary>
/// <param name="Source">The sale as read.</param>
/// <param name="ExternalId">Its <c>Lightspeed_Sale_Id__c</c>.</param>
/// <param name="ShopExternalId">The store's <c>Lightspeed_Shop_Id__c</c>, or null when the sale has no shop.</param>
/// <param name="CustomerExternalId">The customer's <c>Lightspeed_Customer_Id__c</c>, or null for a walk-in.</param>
/// <param name="Currency">The currency of the shop, else of the account.</param>
/// <param name="Status">Completed, voided (also when a <see cref="SaleVoid"/> says so) or open.</param>
/// <param name="IsRefund">Whether the sale refunds goods: a refund flag, a refund line, or a negative total.</param>
/// <param name="SaleTime">When the sale was completed, else started, UTC.</param>
/// <param name="Subtotal">Subtotal, rounded to cents.</param>
/// <param name="Discount">Discount, rounded to cents.</param>
/// <param name="Tax">Tax (<c>calcTax1 + calcTax2</c>), rounded to cents.</param>
/// <param name="Total">Total, rounded to cents.</param>
/// <param name="Lines">The normalized lines.</param>
/// <param name="Payments">The normalized payments.</param>
public sealed record NormalizedSale(
    Sale Source,
    ExternalId ExternalId,
    ExternalId? ShopExternalId,
    ExternalId? CustomerExternalId,
    CurrencyCode Currency,
    SaleStatus Status,
    bool IsRefund,
    DateTimeOffset? SaleTime,
    decimal Subtotal,
    decimal Discount,
    decimal Tax,
    decimal Total,
    IReadOnlyList<NormalizedSaleLine> Lines,
    IReadOnlyList<NormalizedSalePayment> Payments)
{
    /// <summary>
    /// The <c>Store_Code__c</c> of the sale's store, derived from the shop's ids as the store's own code is
    /// (<see cref="ShopNormalizer.StoreCode"/>), so the sale needs no lookup to carry it; null when the sale has no shop.
    /// </summary>
    public string? StoreCode => ShopExternalId is { } shop ? ShopNormalizer.StoreCode(shop) : null;

    /// <summary>The Lightspeed sale id.</summary>
    public LightspeedId Id => Source.Id;

    /// <summary>Voided sales "do not count towards totals, or payments received" (shared/reference/lightspeed-api.md §9.7).</summary>
    public bool CountsTowardsTotals => Status == SaleStatus.Completed;

    /// <summary>The change instant for the checkpoint (<c>updatetime</c>, else <c>timeStamp</c>).</summary>
    public DateTimeOffset? ChangedAt => Source.UpdatedAt;
}
