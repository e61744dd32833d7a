namespace Lightbridge.Core.Reconciliation;

/// <summary>What a reconciliation found: the store-day figures of both sides and the sales that differ.</summary>
/// <param name="Days">Every store and day either side has sales on, ordered by store then day.</param>
/// <param name="Differences">Every sale that differs, ordered by kind then external id.</param>
/// <param name="SalesChecked">The external ids of every sale either side had in the window.</param>
public sealed record ReconciliationResult(IReadOnlyList<StoreDayComparison> Days, IReadOnlyList<SaleDifference> Differences, IReadOnlySet<string> SalesChecked)
{
    /// <summary>Whether both systems agree on every figure and every sale.</summary>
    public bool IsEqual => Differences.Count == 0 && Days.All(d => d.IsEqual);

    /// <summary>The store-days whose figures differ.</summary>
    public IReadOnlyList<StoreDayComparison> DifferingDays => Days.Where(d => !d.IsEqual).ToList();
}
