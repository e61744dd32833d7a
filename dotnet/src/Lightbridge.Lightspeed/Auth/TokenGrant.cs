namespace Lightbridge.Lightspeed.Auth;

/// <summary>What the token endpoint answered: <c>access_token</c>, <c>refresh_token</c> and <c>expires_in</c>.</summary>
internal sealed record TokenGrant(string AccessToken, string RefreshToken, TimeSpan ExpiresIn)
{
    public override string ToString() => $"TokenGrant {{ ExpiresIn = {ExpiresIn}, tokens = *** }}";
}
