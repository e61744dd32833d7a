using static System.FormattableString;

namespace Lightbridge.Core.Reconciliation;

/// <summary>
/// Compares the sales of a window on both sides (a pure decision): the store-day figures, Lightspeed's summed from its
/// sales and Salesforce's as its aggregate query returned them, and every sale by external id.
/// </summary>
public static class SalesReconciler
{
    /// <summary>Compares <paramref name="lightspeed"/> with <paramref name="salesforce"/>.</summary>
    /// <param name="lightspeed">Lightspeed's sales of the window.</param>
    /// <param name="salesforce">Salesforce's sales of the window.</param>
    /// <param name="salesforceTotals">Salesforce's store-day figures from aggregate SOQL (partial rows of a store and day are added up).</param>
    public static ReconciliationResult Compare(
        IReadOnlyCollection<SaleFigures> lightspeed, IReadOnlyCollection<SaleFigures> salesforce, IEnumerable<StoreDayTotals> salesforceTotals)
    {
        ArgumentNullException.ThrowIfNull(lightspeed);
        ArgumentNullException.ThrowIfNull(salesforce);
        ArgumentNullException.ThrowIfNull(salesforceTotals);

        var ours = StoreDayTotals.Of(lightspeed).ToDictionary(t => (t.Store, t.Day));
        var theirs = new Dictionary<(string, DateOnly), StoreDayTotals>();
        foreach (var row in salesforceTotals)
        {
            var key = (row.Store, row.Day);
            theirs[key] = theirs.TryGetValue(key, out var seen) ? seen.Plus(row) : row;
        }

        var days = ours.Keys.Union(theirs.Keys)
            .OrderBy(k => k.Item1, StringComparer.Ordinal)
            .ThenBy(k => k.Item2)
            .Select(k => new StoreDayComparison(k.Item1, k.Item2, ours.GetValueOrDefault(k), theirs.GetValueOrDefault(k)))
            .ToList();

        var byId = salesforce.GroupBy(s => s.ExternalId, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var differences = new List<SaleDifference>();
        var seenIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sale in lightspeed)
        {
            seenIds.Add(sale.ExternalId);
            if (!byId.TryGetValue(sale.ExternalId, out var other))
            {
                differences.Add(new SaleDifference(SaleDifferenceKind.MissingInSalesforce, sale.ExternalId, sale, null, Invariant($"Sale {sale.ExternalId} ({sale.Total:0.00} on {sale.Day:yyyy-MM-dd}) is not in Salesforce.")));
            }
            else if (Describe(sale, other) is { } detail)
            {
                differences.Add(new SaleDifference(SaleDifferenceKind.DifferentValues, sale.ExternalId, sale, other, detail));
            }
        }

        foreach (var sale in salesforce.Where(s => !seenIds.Contains(s.ExternalId)))
        {
            seenIds.Add(sale.ExternalId);
            differences.Add(new SaleDifference(SaleDifferenceKind.ExtraInSalesforce, sale.ExternalId, null, sale, Invariant($"Sale {sale.ExternalId} ({sale.Total:0.00} on {sale.Day:yyyy-MM-dd}) is in Salesforce but not in Lightspeed for this window.")));
        }

        var ordered = differences.OrderBy(d => d.Kind).ThenBy(d => d.ExternalId, StringComparer.Ordinal).ToList();
        return new ReconciliationResult(days, ordered, seenIds);
    }

    /// <summary>What differs between two versions of a sale, or null when nothing does.</summary>
    public static string? Describe(SaleFigures lightspeed, SaleFigures salesforce)
    {
        ArgumentNullException.ThrowIfNull(lightspeed);
        ArgumentNullException.ThrowIfNull(salesforce);
        var parts = new List<string>();
        if (lightspeed.Total != salesforce.Total)
        {
            parts.Add(Invariant($"total {lightspeed.Total:0.00} in Lightspeed, {salesforce.Total:0.00} in Salesforce"));
        }

        if (lightspeed.Tax != salesforce.Tax)
        {
            parts.Add(Invariant($"tax {lightspeed.Tax:0.00} in Lightspeed, {salesforce.Tax:0.00} in Salesforce"));
        }

        if (lightspeed.IsVoided != salesforce.IsVoided)
        {
            parts.Add(lightspeed.IsVoided ? "voided in Lightspeed, not in Salesforce" : "voided in Salesforce, not in Lightspeed");
        }

        if (lightspeed.IsRefund != salesforce.IsRefund)
        {
            parts.Add(lightspeed.IsRefund ? "a refund in Lightspeed, not in Salesforce" : "a refund in Salesforce, not in Lightspeed");
        }

        if (!string.Equals(lightspeed.Store, salesforce.Store, StringComparison.OrdinalIgnoreCase))
        {
            parts.Add($"store {lightspeed.StoreLabel} in Lightspeed, {salesforce.StoreLabel} in Salesforce");
        }

        return parts.Count == 0 ? null : $"Sale {lightspeed.ExternalId}: " + string.Join("; ", parts) + ".";
    }
}
