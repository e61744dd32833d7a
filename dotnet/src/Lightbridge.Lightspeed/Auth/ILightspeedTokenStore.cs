namespace Lightbridge.Lightspeed;

/// <summary>
/// Keeps the current token pair across restarts (State implements it over LiteDB). The client saves a new
/// pair here before it uses the new access token: once that token is used the old refresh token is revoked
/// (shared/reference/lightspeed-api.md §1, §9.15), so a pair not saved by then would be lost for good.
/// </summary>
public interface ILightspeedTokenStore
{
    /// <summary>Returns the stored pair, or null when there is none.</summary>
    ValueTask<LightspeedTokenSet?> LoadAsync(CancellationToken ct);

    /// <summary>Durably stores the pair, replacing the previous one.</summary>
    ValueTask SaveAsync(LightspeedTokenSet tokens, CancellationToken ct);
}
