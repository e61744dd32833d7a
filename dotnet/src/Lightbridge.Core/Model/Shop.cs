namespace Lightbridge.Core.Model;

/// <summary>A store location of the Lightspeed account.</summary>
/// <param name="Id">The Lightspeed shop id.</param>
/// <param name="Name">The shop's name.</param>
/// <param name="TimeZone">
/// The shop's IANA time zone id as Lightspeed reports it; it may be a legacy link name such as
/// <c>US/Eastern</c> (shared/reference/lightspeed-api.md §9.10). Local business dates and customer
/// birth dates are derived with it; instants stay UTC.
/// </param>
/// <param name="Archived">Whether the shop is archived (hidden but not deleted).</param>
/// <param name="UpdatedAt">When the shop last changed (Lightspeed <c>timeStamp</c>), UTC.</param>
public sealed record Shop(
    LightspeedId Id,
    string Name,
    string TimeZone,
    bool Archived,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>
    /// The source's change sequence number: X-Series's <c>version</c>, a global counter bumped on every change and
    /// the cursor incremental reads resume after. Null for R-Series, whose reads resume from <c>timeStamp</c>.
    /// </summary>
    public long? ChangeVersion { get; init; }
}
