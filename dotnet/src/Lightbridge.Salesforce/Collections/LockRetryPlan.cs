namespace Lightbridge.Salesforce.Collections;

/// <summary>
/// Decides which records of a Collections call go again after <c>UNABLE_TO_LOCK_ROW</c>, a transient lock
/// conflict (shared/reference/salesforce-api.md §1.8, §4.4). Without allOrNone only the records that failed
/// on a lock alone go again. With allOrNone one lock failure rolled the whole call back (the others carry
/// <c>ALL_OR_NONE_OPERATION_ROLLED_BACK</c>), so all of it goes again, but only when nothing failed for good.
/// </summary>
internal static class LockRetryPlan
{
    /// <summary>Positions (into <paramref name="results"/>) to send again; empty when none.</summary>
    public static IReadOnlyList<int> RecordsToRetry(IReadOnlyList<RecordResult> results, bool allOrNone)
    {
        if (!allOrNone)
        {
            return Enumerable.Range(0, results.Count).Where(i => results[i].IsTransientFailure).ToList();
        }

        var anyLock = results.Any(r => r.IsTransientFailure);
        var anyFinal = results.Any(r => !r.Success && !r.IsTransientFailure && !r.Errors.All(IsRolledBack));
        return anyLock && !anyFinal ? Enumerable.Range(0, results.Count).ToList() : [];
    }

    /// <summary>The back-off before retry round <paramref name="round"/> (1-based): base × 2^(round−1), capped.</summary>
    public static TimeSpan Delay(int round, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var factor = Math.Pow(2, Math.Max(0, round - 1));
        var ticks = Math.Min(baseDelay.Ticks * factor, maxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private static bool IsRolledBack(RecordError error) =>
        string.Equals(error.StatusCode, SalesforceErrorCodes.AllOrNoneOperationRolledBack, StringComparison.Ordinal);
}
