namespace Lightbridge.Salesforce;

/// <summary>One entry of <c>/limits</c>: <c>{"Max":15000,"Remaining":14998}</c> (shared/reference/salesforce-api.md §2.7).</summary>
/// <param name="Max">The allowance.</param>
/// <param name="Remaining">What is left of it.</param>
public sealed record ApiLimit(long Max, long Remaining)
{
    /// <summary>What has been used: <c>Max - Remaining</c>.</summary>
    public long Used => Max - Remaining;
}
