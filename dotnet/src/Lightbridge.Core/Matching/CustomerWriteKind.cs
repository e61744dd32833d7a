namespace Lightbridge.Core.Matching;

/// <summary>What happens to a customer's Salesforce record.</summary>
public enum CustomerWriteKind
{
    /// <summary>Upsert a new Contact or Lead by external id.</summary>
    Create = 0,

    /// <summary>Update the matched record by its Salesforce id, stamping the external id.</summary>
    Update,

    /// <summary>The matched record already holds everything policy lets us write.</summary>
    Unchanged,

    /// <summary>Write nothing: the match was ambiguous and the customer goes to the replay queue.</summary>
    Held,
}
