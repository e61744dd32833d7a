namespace Lightbridge.Core.Matching;

/// <summary>A rule found several records: write nothing and queue an <c>AmbiguousMatch</c> with the candidates.</summary>
/// <param name="Rule">The rule that found them.</param>
/// <param name="Candidates">The records found, after converted Leads were resolved to their Contacts.</param>
public sealed record Ambiguous(MatchingRule Rule, IReadOnlyList<IdentityCandidate> Candidates) : MatchOutcome
{
    /// <summary>The <see cref="Failures.RecordFailure.Rule"/> of the queued failure.</summary>
    public const string FailureRule = "AmbiguousMatch";

    /// <summary>Lists the candidate ids (not personal data) for logs and the queue.</summary>
    public override string ToString() =>
        $"Ambiguous {{ Rule = {Rule}, Candidates = [{string.Join(", ", Candidates.Select(c => $"{c.ObjectType} {c.Id}"))}] }}";
}
