namespace Lightbridge.Core.Matching;

/// <summary>How customers are matched: the rules in order, and what to create when none matches.</summary>
/// <param name="Rules">The rules, tried in order; the default is <c>ExternalId, Email, Phone</c>.</param>
/// <param name="CreateAs">The object created for an unmatched customer; the default is Contact.</param>
public sealed record MatchingPolicy(IReadOnlyList<MatchingRule> Rules, CustomerObjectType CreateAs)
{
    /// <summary>The default policy of DESIGN.md: <c>ExternalId, Email, Phone</c>, creating Contacts.</summary>
    public static MatchingPolicy Default { get; } =
        new([MatchingRule.ExternalId, MatchingRule.Email, MatchingRule.Phone], CustomerObjectType.Contact);
}
