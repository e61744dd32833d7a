namespace Lightbridge.Lightspeed;

/// <summary>
/// The current OAuth pair. Lightspeed refresh tokens are single-use and rotate on every refresh
/// (shared/reference/lightspeed-api.md §1), so the pair is stored as one unit.
/// <see cref="ToString"/> never shows a token.
/// </summary>
/// <param name="AccessToken">The bearer token, or null when only a refresh token is known (first start).</param>
/// <param name="RefreshToken">The refresh token for the next rotation.</param>
/// <param name="IssuedAt">When the access token was issued, UTC (<see cref="DateTimeOffset.MinValue"/> when unknown).</param>
/// <param name="ExpiresAt">When the access token expires, UTC, from <c>expires_in</c> (<see cref="DateTimeOffset.MinValue"/> when there is none).</param>
public sealed record LightspeedTokenSet(string? AccessToken, string RefreshToken, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>A set that holds only a refresh token, e.g. the one configured for the first start.</summary>
    public static LightspeedTokenSet FromRefreshToken(string refreshToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        return new LightspeedTokenSet(null, refreshToken, DateTimeOffset.MinValue, DateTimeOffset.MinValue);
    }

    /// <summary>Shows only the times: tokens are secrets and must never reach a log.</summary>
    public override string ToString() =>
        $"LightspeedTokenSet {{ AccessToken = {(AccessToken is null ? "(none)" : "***")}, RefreshToken = ***, IssuedAt = {IssuedAt:O}, ExpiresAt = {ExpiresAt:O} }}";
}
