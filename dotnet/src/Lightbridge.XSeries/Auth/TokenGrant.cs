namespace Lightbridge.XSeries.Auth;

/// <summary>What the token endpoint answered. The refresh token is null when the server kept the old one.</summary>
internal sealed record TokenGrant(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"TokenGrant {{ ExpiresAt = {ExpiresAt:O}, tokens = *** }}";
}
