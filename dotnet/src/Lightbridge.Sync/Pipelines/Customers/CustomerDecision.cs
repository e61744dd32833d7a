using Lightbridge.Core.Matching;

namespace Lightbridge.Sync.Pipelines.Customers;

/// <summary>What one shopper of a batch becomes.</summary>
/// <param name="Members">The customers of the group, the primary first.</param>
/// <param name="Write">The write planned; meaningless when <paramref name="MissingRecord"/> is set.</param>
/// <param name="Current">The matched record's values before the write; null for a create or a hold.</param>
/// <param name="MissingRecord">
/// Why nothing can be planned when the matched record no longer exists in Salesforce (the index entry is dropped and the
/// customers are held for the next run); null otherwise.
/// </param>
internal sealed record CustomerDecision(
    IReadOnlyList<PreparedCustomer> Members,
    CustomerWrite Write,
    IReadOnlyDictionary<string, object?>? Current,
    string? MissingRecord)
{
    /// <summary>
    /// What matching decided for the group (the rule, or the candidates of an ambiguous match): the match report shows it,
    /// and the run counts it in its <see cref="CustomerMatchCounts"/>.
    /// </summary>
    public MatchOutcome? Outcome { get; init; }
}
