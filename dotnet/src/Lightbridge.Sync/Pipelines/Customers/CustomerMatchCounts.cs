namespace Lightbridge.Sync.Pipelines.Customers;

/// <summary>
/// How the customers of one run were matched, one count per Lightspeed customer: linked to an existing record by the rule
/// that found it, linked to a record the run created, or held as ambiguous. Customers refused before matching (normalization
/// or validation) and those whose write failed are in none of these; they are in the run's failed count.
/// </summary>
/// <param name="ExternalId">Linked to the record already carrying the customer's external id.</param>
/// <param name="Email">Linked to the one record with the customer's normalized email.</param>
/// <param name="Phone">Linked to the one record with one of the customer's phones (E.164).</param>
/// <param name="CreatedContact">Linked to a Contact the run created.</param>
/// <param name="CreatedLead">Linked to a Lead the run created.</param>
/// <param name="Ambiguous">Held: a rule found several records (queued as <c>AmbiguousMatch</c>).</param>
public sealed record CustomerMatchCounts(int ExternalId, int Email, int Phone, int CreatedContact, int CreatedLead, int Ambiguous)
{
    /// <summary>No customer matched.</summary>
    public static CustomerMatchCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Customers linked to a record that was already in the org.</summary>
    public int Matched => ExternalId + Email + Phone;

    /// <summary>The sum of two runs' counts.</summary>
    public CustomerMatchCounts Plus(CustomerMatchCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            ExternalId + other.ExternalId,
            Email + other.Email,
            Phone + other.Phone,
            CreatedContact + other.CreatedContact,
            CreatedLead + other.CreatedLead,
            Ambiguous + other.Ambiguous);
    }
}
