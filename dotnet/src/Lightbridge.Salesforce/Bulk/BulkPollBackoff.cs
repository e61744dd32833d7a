namespace Lightbridge.Salesforce.Bulk;

/// <summary>
/// How long to wait before each poll of a running job: short at first (small jobs finish in seconds), growing
/// by half each time up to a cap, so a long job costs few API calls. Pure; the workflow waits on the clock.
/// </summary>
internal static class BulkPollBackoff
{
    /// <summary>
    /// The records a job is processed by per initial wait: Salesforce splits a job into internal batches of 10,000
    /// records (shared/reference/salesforce-api.md §1), so a larger job waits longer before its first poll.
    /// </summary>
    public const int RecordsPerInitialDelay = 10_000;

    /// <summary>The wait before poll <paramref name="attempt"/> (0-based): initial × 1.5^attempt, capped.</summary>
    public static TimeSpan Delay(int attempt, TimeSpan initial, TimeSpan max) => Delay(attempt, initial, max, records: 0);

    /// <summary>
    /// The wait before poll <paramref name="attempt"/> (0-based) of a job of <paramref name="records"/> records:
    /// initial × one per started 10,000 records × 1.5^attempt, capped. A 30,000-record job takes about three
    /// times as long as a 10,000-record one, so polling it as early only spends API calls.
    /// </summary>
    public static TimeSpan Delay(int attempt, TimeSpan initial, TimeSpan max, int records)
    {
        var batches = Math.Max(1, (records + RecordsPerInitialDelay - 1) / RecordsPerInitialDelay);
        var ticks = initial.Ticks * (double)batches * Math.Pow(1.5, Math.Max(0, attempt));
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
