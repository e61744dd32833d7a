namespace Lightbridge.Salesforce.Auth;

/// <summary>The token endpoint as the token manager sees it: one call, one new session. A seam for tests.</summary>
internal interface ISalesforceTokenEndpoint
{
    /// <summary>Obtains a new session with the configured grant.</summary>
    /// <exception cref="SalesforceAuthException">The grant was refused.</exception>
    Task<SalesforceAccessToken> RequestTokenAsync(CancellationToken ct);
}
