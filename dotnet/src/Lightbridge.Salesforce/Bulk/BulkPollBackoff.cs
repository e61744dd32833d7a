namespace Lightbridge.Salesforce.Bulk;

/// <summary>
/// How long to wait before each poll of a running job: short at first (small jobs finish in seconds), growing
/// by half each time up to a cap, so a long job costs few API calls. Pure; the workflow waits on the clock.
/// </summary>
internal static class BulkPollBackoff
{
    /// <summary>The wait before poll <paramref name="attempt"/> (0-based): initial × 1.5^attempt, capped.</summary>
    public static TimeSpan Delay(int attempt, TimeSpan initial, TimeSpan max)
    {
        var ticks = initial.Ticks * Math.Pow(1.5, Math.Max(0, attempt));
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
