namespace Lightbridge.Core.Reconciliation;

/// <summary>
/// What reconciliation compares of one sale, read from either side: Lightspeed through the client and the sale
/// normalizer, Salesforce from <c>Lightspeed_Sale__c</c>.
/// </summary>
/// <param name="ExternalId">The sale's <c>Lightspeed_Sale_Id__c</c> (<c>{accountId}-{saleId}</c>).</param>
/// <param name="Store">The store's <c>Lightspeed_Shop_Id__c</c>, or null when the sale has none.</param>
/// <param name="SaleTime">When the sale was completed, UTC; it decides the day the sale counts in.</param>
/// <param name="IsVoided">Whether the sale was voided (then it counts in no total).</param>
/// <param name="IsRefund">Whether the sale is a refund.</param>
/// <param name="Total">The sale total, negative for a refund.</param>
/// <param name="Tax">The sale tax.</param>
public sealed record SaleFigures(string ExternalId, string? Store, DateTimeOffset SaleTime, bool IsVoided, bool IsRefund, decimal Total, decimal Tax)
{
    /// <summary>The UTC day the sale counts in.</summary>
    public DateOnly Day => DateOnly.FromDateTime(SaleTime.UtcDateTime);

    /// <summary>The store as shown in reports: its external id, or <see cref="StoreDayTotals.NoStore"/>.</summary>
    public string StoreLabel => Store ?? StoreDayTotals.NoStore;
}
