namespace Lightbridge.Core.Reconciliation;

/// <summary>One store and day, both sides; a side with no sales that day is null.</summary>
/// <param name="Store">The store's <c>Lightspeed_Shop_Id__c</c>, or <see cref="StoreDayTotals.NoStore"/>.</param>
/// <param name="Day">The UTC day.</param>
/// <param name="Lightspeed">What Lightspeed says.</param>
/// <param name="Salesforce">What the aggregate query of <c>Lightspeed_Sale__c</c> says.</param>
public sealed record StoreDayComparison(string Store, DateOnly Day, StoreDayTotals? Lightspeed, StoreDayTotals? Salesforce)
{
    /// <summary>Whether both sides agree (an absent side counts as zero).</summary>
    public bool IsEqual => (Lightspeed ?? Empty).SameFiguresAs(Salesforce ?? Empty);

    private StoreDayTotals Empty => new(Store, Day, 0, 0m, 0m, 0m);
}
