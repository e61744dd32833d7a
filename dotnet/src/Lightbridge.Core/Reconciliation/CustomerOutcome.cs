namespace Lightbridge.Core.Reconciliation;

/// <summary>What a customer would become in Salesforce, as the match report predicts it.</summary>
public enum CustomerOutcome
{
    /// <summary>One record matched by a rule: it is updated (or left as it is when it already holds everything).</summary>
    Matched = 0,

    /// <summary>No record matched: a Contact is created.</summary>
    CreatedAsContact,

    /// <summary>No record matched: a Lead is created.</summary>
    CreatedAsLead,

    /// <summary>Several records matched: nothing is written and the customer is queued as <c>AmbiguousMatch</c>.</summary>
    Ambiguous,

    /// <summary>Normalization or validation refused the customer: it is queued with the rule it broke.</summary>
    Invalid,

    /// <summary>The matched record is gone from Salesforce since the index saw it: held for the next run.</summary>
    RecordMissing,
}
