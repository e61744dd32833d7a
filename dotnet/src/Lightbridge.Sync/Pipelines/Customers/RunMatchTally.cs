using Lightbridge.Core.Matching;

namespace Lightbridge.Sync.Pipelines.Customers;

/// <summary>
/// Counts the match outcomes of the customer run in progress (runs of one engine go one at a time), for
/// <see cref="SyncRunResult.Matches"/>. Counted where the pipeline settles a customer, so a count means a customer linked,
/// never merely planned.
/// </summary>
internal sealed class RunMatchTally
{
    private int _externalId;
    private int _email;
    private int _phone;
    private int _createdContact;
    private int _createdLead;
    private int _ambiguous;

    /// <summary>Starts a run's counts from zero.</summary>
    public void Reset()
    {
        _externalId = _email = _phone = _createdContact = _createdLead = _ambiguous = 0;
    }

    /// <summary>The members of a group were linked to the record of <paramref name="outcome"/>, or to a new one of <paramref name="type"/>.</summary>
    public void Linked(MatchOutcome? outcome, CustomerObjectType type, int members)
    {
        switch (outcome)
        {
            case Matched { Rule: MatchingRule.ExternalId }:
                _externalId += members;
                break;
            case Matched { Rule: MatchingRule.Email }:
                _email += members;
                break;
            case Matched { Rule: MatchingRule.Phone }:
                _phone += members;
                break;
            case Ambiguous:
                break;
            default:
                if (type == CustomerObjectType.Contact)
                {
                    _createdContact += members;
                }
                else
                {
                    _createdLead += members;
                }

                break;
        }
    }

    /// <summary>The members of groups whose match was ambiguous, held in the queue.</summary>
    public void Held(IEnumerable<CustomerDecision> decisions)
    {
        foreach (var decision in decisions)
        {
            if (decision.Outcome is Ambiguous)
            {
                _ambiguous += decision.Members.Count;
            }
        }
    }

    /// <summary>The counts so far.</summary>
    public CustomerMatchCounts Snapshot() => new(_externalId, _email, _phone, _createdContact, _createdLead, _ambiguous);
}
