namespace Lightbridge.State;

/// <summary>
/// The Lightspeed OAuth pair as persisted. Refresh tokens are single-use and rotate, so the pair is stored as
/// one unit (shared/reference/lightspeed-api.md §1). <see cref="ToString"/> never shows a token.
/// </summary>
/// <param name="AccessToken">The bearer token, or null when only a refresh token is known (first start).</param>
/// <param name="RefreshToken">The refresh token for the next rotation.</param>
/// <param name="IssuedAt">When the access token was issued (UTC), <see cref="DateTimeOffset.MinValue"/> when unknown.</param>
/// <param name="ExpiresAt">When the access token expires (UTC), <see cref="DateTimeOffset.MinValue"/> when unknown.</param>
public sealed record StoredTokenSet(string? AccessToken, string RefreshToken, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Shows only the times: tokens are secrets and must never reach a log.</summary>
    public override string ToString() =>
        $"StoredTokenSet {{ AccessToken = {(AccessToken is null ? "(none)" : "***")}, RefreshToken = ***, IssuedAt = {IssuedAt:O}, ExpiresAt = {ExpiresAt:O} }}";
}
