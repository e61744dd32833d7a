namespace Lightbridge.Core.Model;

/// <summary>A postal address; blank parts are null.</summary>
/// <param name="Line1">First street line.</param>
/// <param name="Line2">Second street line.</param>
/// <param name="City">City.</param>
/// <param name="State">State or province name.</param>
/// <param name="StateCode">State or province code.</param>
/// <param name="PostalCode">ZIP or postal code.</param>
/// <param name="Country">Country name.</param>
/// <param name="CountryCode">Country code.</param>
public sealed record PostalAddress(
    string? Line1,
    string? Line2,
    string? City,
    string? State,
    string? StateCode,
    string? PostalCode,
    string? Country,
    string? CountryCode)
{
    /// <summary>Shows only the country, so a street address never reaches a log.</summary>
    public override string ToString() => $"PostalAddress {{ CountryCode = {CountryCode}, Lines = *** }}";
}
