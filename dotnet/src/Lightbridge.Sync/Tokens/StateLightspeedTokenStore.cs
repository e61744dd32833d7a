using Lightbridge.Lightspeed;
using Lightbridge.State;

namespace Lightbridge.Sync.Tokens;

/// <summary>
/// The Lightspeed client's token store, kept in the worker's state file: the configured refresh token only
/// seeds it, and from then on the state holds the current rotated pair (DESIGN.md, configuration), so a
/// restart never reuses a refresh token Lightspeed has already revoked.
/// </summary>
public sealed class StateLightspeedTokenStore : ILightspeedTokenStore
{
    private readonly TokenStore _tokens;
    private readonly string _configuredRefreshToken;

    public StateLightspeedTokenStore(TokenStore tokens, string configuredRefreshToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuredRefreshToken);
        _tokens = tokens;
        _configuredRefreshToken = configuredRefreshToken;
    }

    /// <inheritdoc />
    public async ValueTask<LightspeedTokenSet?> LoadAsync(CancellationToken ct)
    {
        var stored = await _tokens.LoadAsync(ct).ConfigureAwait(false) ?? await _tokens.SeedAsync(_configuredRefreshToken, ct).ConfigureAwait(false);
        return new LightspeedTokenSet(stored.AccessToken, stored.RefreshToken, stored.IssuedAt, stored.ExpiresAt);
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(LightspeedTokenSet tokens, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return _tokens.SaveAsync(new StoredTokenSet(tokens.AccessToken, tokens.RefreshToken, tokens.IssuedAt, tokens.ExpiresAt), ct);
    }
}
