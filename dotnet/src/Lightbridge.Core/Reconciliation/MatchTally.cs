namespace Lightbridge.Core.Reconciliation;

/// <summary>
/// The counts a match report summarises: customers per outcome and per matching rule, and the Salesforce writes the
/// sync would make (a group of duplicate customers makes one write).
/// </summary>
public sealed class MatchTally
{
    private readonly Dictionary<CustomerOutcome, int> _outcomes = Enum.GetValues<CustomerOutcome>().ToDictionary(o => o, _ => 0);
    private readonly SortedDictionary<string, int> _rules = new(StringComparer.Ordinal);

    /// <summary>Customers read.</summary>
    public int Customers { get; private set; }

    /// <summary>Records the sync would create (one per group of duplicates).</summary>
    public int Creates { get; private set; }

    /// <summary>Matched records the sync would update.</summary>
    public int Updates { get; private set; }

    /// <summary>Customers whose matched record already holds everything: read, not written.</summary>
    public int Unchanged { get; private set; }

    /// <summary>Customers per outcome (every outcome present, zero when none).</summary>
    public IReadOnlyDictionary<CustomerOutcome, int> Outcomes => _outcomes;

    /// <summary>Matched customers per rule name.</summary>
    public IReadOnlyDictionary<string, int> MatchedByRule => _rules;

    /// <summary>Customers the sync would queue: invalid, ambiguous, or matched to a missing record.</summary>
    public int Queued => _outcomes[CustomerOutcome.Invalid] + _outcomes[CustomerOutcome.Ambiguous] + _outcomes[CustomerOutcome.RecordMissing];

    /// <summary>Counts one customer.</summary>
    /// <param name="outcome">Its outcome.</param>
    /// <param name="rule">For a match, the rule that found the record.</param>
    public void AddCustomer(CustomerOutcome outcome, string? rule)
    {
        Customers++;
        _outcomes[outcome]++;
        if (outcome == CustomerOutcome.Matched && rule is not null)
        {
            _rules[rule] = _rules.GetValueOrDefault(rule) + 1;
        }
    }

    /// <summary>Counts one planned write of a group.</summary>
    /// <param name="create">A create (else an update).</param>
    public void AddWrite(bool create)
    {
        if (create)
        {
            Creates++;
        }
        else
        {
            Updates++;
        }
    }

    /// <summary>Counts customers whose record needs no write.</summary>
    public void AddUnchanged(int customers) => Unchanged += customers;
}
