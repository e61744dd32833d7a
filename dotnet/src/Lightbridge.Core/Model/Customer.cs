namespace Lightbridge.Core.Model;

/// <summary>A Lightspeed customer with its contact data, as read (not yet normalized).</summary>
/// <param name="Id">The Lightspeed customer id.</param>
/// <param name="FirstName">First name, or null when blank.</param>
/// <param name="LastName">Last name, or null when blank.</param>
/// <param name="Company">Company name, or null when blank.</param>
/// <param name="DateOfBirth">
/// The birth date. Lightspeed stores it as the UTC instant of local midnight, so it is taken in the
/// shop's time zone, never from the UTC date (shared/reference/lightspeed-api.md §9.10).
/// </param>
/// <param name="Emails">Email addresses in wire order (at most one per use type in Lightspeed).</param>
/// <param name="Phones">Phone numbers in wire order, as typed in the POS (not E.164 yet).</param>
/// <param name="Address">The first postal address, or null when Lightspeed has none or all its parts are blank.</param>
/// <param name="Archived">Whether the customer is archived (Lightspeed's form of deletion).</param>
/// <param name="CreatedAt">When the customer was created, UTC.</param>
/// <param name="UpdatedAt">Lightspeed <c>Customer.timeStamp</c>, UTC: the incremental sync cursor.</param>
/// <param name="ContactUpdatedAt">
/// Lightspeed <c>Contact.timeStamp</c>, UTC. An email or phone change may move only this one
/// (shared/reference/lightspeed-api.md §9.8).
/// </param>
/// <remarks>Lists compare by reference under record equality; <see cref="ToString"/> shows no personal data.</remarks>
public sealed record Customer(
    LightspeedId Id,
    string? FirstName,
    string? LastName,
    string? Company,
    DateOnly? DateOfBirth,
    IReadOnlyList<CustomerEmail> Emails,
    IReadOnlyList<CustomerPhone> Phones,
    PostalAddress? Address,
    bool Archived,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? ContactUpdatedAt)
{
    /// <summary>Identifies the record without personal data, so it is safe in logs.</summary>
    /// <summary>
    /// The source's change sequence number: X-Series's <c>version</c>, a global counter bumped on every change and
    /// the cursor incremental reads resume after. Null for R-Series, whose reads resume from <c>timeStamp</c>.
    /// </summary>
    public long? ChangeVersion { get; init; }

    public override string ToString() => $"Customer {{ Id = {Id}, Archived = {Archived}, UpdatedAt = {UpdatedAt:O} }}";
}
