using Lightbridge.Core.Mapping;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;

namespace Lightbridge.Sync.Pipelines.Sales;

/// <summary>A sale ready to load: the parent record, its lines and payments, and what the commit needs to know.</summary>
/// <param name="Source">The sale as read, for the queue's snapshot.</param>
/// <param name="ChangedAt">Its <c>updatetime</c>, the checkpoint's cursor.</param>
/// <param name="Normalized">The normalized sale.</param>
/// <param name="Sale">The <c>Lightspeed_Sale__c</c> (or Opportunity) record.</param>
/// <param name="Lines">The line records.</param>
/// <param name="Payments">The payment records; empty when the profile writes none.</param>
internal sealed record PreparedSale(
    Sale Source,
    DateTimeOffset ChangedAt,
    NormalizedSale Normalized,
    SalesforceRecord Sale,
    IReadOnlyList<SalesforceRecord> Lines,
    IReadOnlyList<SalesforceRecord> Payments)
{
    /// <summary>The Lightspeed sale id.</summary>
    public LightspeedId Id => Source.Id;
}
