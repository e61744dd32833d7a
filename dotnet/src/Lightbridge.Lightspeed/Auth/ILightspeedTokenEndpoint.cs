namespace Lightbridge.Lightspeed.Auth;

/// <summary>The token endpoint as the <see cref="TokenManager"/> sees it: one refresh-token grant.</summary>
internal interface ILightspeedTokenEndpoint
{
    /// <summary>Exchanges a refresh token for a new pair; throws <see cref="LightspeedAuthException"/> on <c>invalid_grant</c>.</summary>
    Task<TokenGrant> RefreshAsync(string refreshToken, CancellationToken ct);
}
