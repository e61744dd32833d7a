namespace Lightbridge.Salesforce;

/// <summary>
/// The OAuth 2.0 grant the client uses at <c>{LoginUrl}/services/oauth2/token</c>
/// (shared/reference/salesforce-api.md §2.1).
/// </summary>
public enum SalesforceAuthFlow
{
    /// <summary>
    /// A signed RS256 assertion (<c>urn:ietf:params:oauth:grant-type:jwt-bearer</c>): no secret travels and no
    /// refresh token is issued; a new assertion is simply signed when the session expires.
    /// </summary>
    JwtBearer,

    /// <summary>Client id and secret; needs a My Domain login URL and a Run-As user.</summary>
    ClientCredentials,

    /// <summary>A stored refresh token, optionally with the client secret.</summary>
    RefreshToken,
}
