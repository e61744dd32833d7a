namespace Lightbridge.Salesforce.Auth;

/// <summary>
/// A session from the token endpoint: the bearer token and the instance every API call goes to
/// (shared/reference/salesforce-api.md §2.1). Salesforce sends no <c>expires_in</c>: a session lives until the
/// org's timeout (2 h by default) and its end shows as 401 <c>INVALID_SESSION_ID</c>, so the client renews
/// reactively. <see cref="ToString"/> never shows the token.
/// </summary>
/// <param name="AccessToken">The bearer token.</param>
/// <param name="InstanceUrl">The org's instance or My Domain URL.</param>
/// <param name="IssuedAt">When the server issued it (<c>issued_at</c>, ms since the epoch), if reported.</param>
/// <param name="RefreshToken">A new refresh token, present only when rotation is on.</param>
internal sealed record SalesforceAccessToken(string AccessToken, Uri InstanceUrl, DateTimeOffset? IssuedAt, string? RefreshToken)
{
    /// <summary>
    /// The manager's logical clock: each token it obtains gets the next number. "Refresh unless a refresh
    /// happened since the token I was refused" compares these, which unlike wall-clock stamps cannot tie.
    /// </summary>
    public long Generation { get; init; }

    /// <inheritdoc />
    public override string ToString() => "***";
}
