using Lightbridge.Core.Identity;
using Lightbridge.Core.Normalization;

namespace Lightbridge.Core.Matching;

/// <summary>
/// Decides which Salesforce record a customer is (DESIGN.md, "Customer matching"). Rules are tried in order; within a
/// rule, Contacts are searched before Leads, and a converted Lead counts as the Contact it became. One record is
/// <see cref="Matched"/>, several are <see cref="Ambiguous"/> (nothing is written), none falls through to the next rule
/// and finally to <see cref="NoMatch"/>. A pure decision: the lookup reads the local index, never the network.
/// </summary>
public sealed class CustomerMatcher
{
    private readonly IIdentityLookup _lookup;
    private readonly MatchingPolicy _policy;

    /// <summary>Creates a matcher over <paramref name="lookup"/> with <paramref name="policy"/>.</summary>
    public CustomerMatcher(IIdentityLookup lookup, MatchingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Rules.Count == 0 || policy.Rules.Distinct().Count() != policy.Rules.Count)
        {
            throw new ArgumentException("Matching needs at least one rule, each at most once.", nameof(policy));
        }

        _lookup = lookup;
        _policy = policy;
    }

    /// <summary>Matches one customer.</summary>
    public MatchOutcome Match(NormalizedCustomer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        foreach (var rule in _policy.Rules)
        {
            var candidates = Resolve(Find(rule, customer));

            // Contacts first: a Lead holding the same key is usually a duplicate the Contact supersedes.
            var contacts = candidates.Where(c => c.ObjectType == CustomerObjectType.Contact).ToList();
            var pool = contacts.Count > 0 ? contacts : candidates.Where(c => c.ObjectType == CustomerObjectType.Lead).ToList();
            switch (pool.Count)
            {
                case 1:
                    return new Matched(pool[0].Id, pool[0].ObjectType, rule);
                case > 1:
                    return new Ambiguous(rule, pool);
            }
        }

        return new NoMatch(_policy.CreateAs);
    }

    private IEnumerable<IdentityCandidate> Find(MatchingRule rule, NormalizedCustomer customer) => rule switch
    {
        MatchingRule.ExternalId => _lookup.FindByExternalId(customer.ExternalId),

        // Every address and number of the customer counts: a hit on the secondary email is as good as on the primary,
        // and hits on two different records make the customer ambiguous.
        MatchingRule.Email => customer.Emails.SelectMany(_lookup.FindByEmail),
        MatchingRule.Phone => customer.Phones.SelectMany(p => _lookup.FindByPhone(p.Number)),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown matching rule."),
    };

    private static List<IdentityCandidate> Resolve(IEnumerable<IdentityCandidate> found)
    {
        var resolved = new List<IdentityCandidate>();
        var seen = new HashSet<SalesforceId>();
        foreach (var candidate in found)
        {
            var effective = candidate;
            if (candidate is { ObjectType: CustomerObjectType.Lead, IsConverted: true })
            {
                // A converted Lead is read-only; the customer is the Contact it became. Without one it cannot be updated.
                if (candidate.ConvertedContactId is not { } contactId)
                {
                    continue;
                }

                effective = new IdentityCandidate(contactId, CustomerObjectType.Contact);
            }

            if (seen.Add(effective.Id))
            {
                resolved.Add(effective);
            }
        }

        return resolved;
    }
}
