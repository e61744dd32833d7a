namespace Lightbridge.Core.Reconciliation;

/// <summary>
/// The figures of one store on one UTC day: receipts, revenue, tax and refunds of the sales that count towards totals
/// (voided sales do not; shared/reference/lightspeed-api.md §9.7).
/// </summary>
/// <param name="Store">The store's <c>Lightspeed_Shop_Id__c</c>, or <see cref="NoStore"/>.</param>
/// <param name="Day">The UTC day.</param>
/// <param name="Receipts">Completed sales, refunds included.</param>
/// <param name="Revenue">The sum of their totals (refunds, being negative, reduce it).</param>
/// <param name="Tax">The sum of their tax.</param>
/// <param name="Refunds">The sum of the refunds' totals (zero or negative).</param>
public sealed record StoreDayTotals(string Store, DateOnly Day, int Receipts, decimal Revenue, decimal Tax, decimal Refunds)
{
    /// <summary>The store label of sales without a store.</summary>
    public const string NoStore = "(no store)";

    /// <summary>Sums <paramref name="sales"/> per store and day, voided sales left out; ordered by store, then day.</summary>
    public static IReadOnlyList<StoreDayTotals> Of(IEnumerable<SaleFigures> sales)
    {
        ArgumentNullException.ThrowIfNull(sales);
        return sales
            .Where(s => !s.IsVoided)
            .GroupBy(s => (Store: s.StoreLabel, s.Day))
            .Select(g => new StoreDayTotals(
                g.Key.Store,
                g.Key.Day,
                g.Count(),
                g.Sum(s => s.Total),
                g.Sum(s => s.Tax),
                g.Where(s => s.IsRefund).Sum(s => s.Total)))
            .OrderBy(t => t.Store, StringComparer.Ordinal)
            .ThenBy(t => t.Day)
            .ToList();
    }

    /// <summary>Adds two partial figures of the same store and day (an aggregate query returns refunds and sales apart).</summary>
    public StoreDayTotals Plus(StoreDayTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with
        {
            Receipts = Receipts + other.Receipts,
            Revenue = Revenue + other.Revenue,
            Tax = Tax + other.Tax,
            Refunds = Refunds + other.Refunds,
        };
    }

    /// <summary>Whether both hold the same figures.</summary>
    public bool SameFiguresAs(StoreDayTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Receipts == other.Receipts && Revenue == other.Revenue && Tax == other.Tax && Refunds == other.Refunds;
    }
}
