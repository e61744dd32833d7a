using Microsoft.Extensions.Logging;

namespace Lightbridge.Lightspeed.Auth;

/// <summary>
/// Hands out the access token and refreshes it single-flight. Lightspeed refresh tokens are single-use and
/// rotate, so two concurrent refreshes would burn each other's token (<c>invalid_grant</c>,
/// shared/reference/lightspeed-api.md §9.15). Every caller that needs a refresh while one runs joins it,
/// and a caller whose rejected token was already replaced just takes the new one (jsforce's
/// <c>refresh(since)</c>, STYLE G11).
/// </summary>
internal sealed class TokenManager : IDisposable
{
    private readonly ILightspeedTokenEndpoint _endpoint;
    private readonly ILightspeedTokenStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshAhead;
    private readonly ILogger _logger;
    private readonly Action? _onRefreshed;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Lock _gate = new();
    private int _disposed;
    private LightspeedTokenSet? _current;
    private Task<LightspeedTokenSet>? _inflight;

    public TokenManager(
        ILightspeedTokenEndpoint endpoint,
        ILightspeedTokenStore store,
        TimeProvider time,
        TimeSpan refreshAhead,
        ILogger logger,
        Action? onRefreshed = null)
    {
        _endpoint = endpoint;
        _store = store;
        _time = time;
        _refreshAhead = refreshAhead;
        _logger = logger;
        _onRefreshed = onRefreshed;
    }

    /// <summary>Returns a usable access token, refreshing first when none is held or it is about to expire.</summary>
    public Task<string> GetAccessTokenAsync(CancellationToken ct) => AcquireAsync(rejectedAccessToken: null, ct);

    /// <summary>
    /// Called after a 401 with the token that was refused: refreshes, unless another caller already replaced
    /// that token, in which case the newer token is returned without a second refresh.
    /// </summary>
    public Task<string> RefreshAsync(string rejectedAccessToken, CancellationToken ct) => AcquireAsync(rejectedAccessToken, ct);

    public void Dispose()
    {
        // Idempotent: a host may dispose the client it was handed as well as the owner that built it.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    private async Task<string> AcquireAsync(string? rejectedAccessToken, CancellationToken ct)
    {
        Task<LightspeedTokenSet> pending;
        TaskCompletionSource<LightspeedTokenSet>? started = null;
        LightspeedTokenSet? basis;
        lock (_gate)
        {
            if (_current is { AccessToken: { } token } current && token != rejectedAccessToken && IsFresh(current))
            {
                return token;
            }

            if (_inflight is null)
            {
                started = new TaskCompletionSource<LightspeedTokenSet>(TaskCreationOptions.RunContinuationsAsynchronously);
                _inflight = started.Task;
            }

            pending = _inflight;
            basis = _current;
        }

        if (started is not null)
        {
            // The refresh runs on the manager's lifetime, not the caller's token: a caller that gives up must
            // not abort a rotation half-way (the server may already have issued the new pair).
            _ = RunRefreshAsync(started, basis, rejectedAccessToken);
        }

        var tokens = await pending.WaitAsync(ct).ConfigureAwait(false);
        return tokens.AccessToken!;
    }

    private async Task RunRefreshAsync(TaskCompletionSource<LightspeedTokenSet> completion, LightspeedTokenSet? basis, string? rejectedAccessToken)
    {
        try
        {
            var result = await RefreshFromStoreAsync(basis, rejectedAccessToken, _lifetime.Token).ConfigureAwait(false);
            lock (_gate)
            {
                _current = result;
                _inflight = null;
            }

            completion.SetResult(result);
        }
#pragma warning disable CA1031 // Every failure goes to the callers waiting on this refresh.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                _inflight = null;
            }

            completion.SetException(ex);
        }
    }

    /// <summary>
    /// Produces a usable token set, starting from the newest pair in the store rather than the one this
    /// manager last held: another client (a second worker, the CLI beside the service) may share the store
    /// and may have rotated the refresh token since. When the server refuses our refresh token with
    /// <c>invalid_grant</c> and the store meanwhile holds a newer one, that other client won the race: take
    /// its pair instead of failing.
    /// </summary>
    private async Task<LightspeedTokenSet> RefreshFromStoreAsync(LightspeedTokenSet? basis, string? rejectedAccessToken, CancellationToken ct)
    {
        var stored = await _store.LoadAsync(ct).ConfigureAwait(false) ?? basis
            ?? throw new LightspeedAuthException("The Lightspeed token store holds no refresh token; configure Lightspeed:RefreshToken.");

        if (IsUsable(stored, rejectedAccessToken))
        {
            return stored; // Still good (a previous run's token), or another client just refreshed.
        }

        try
        {
            return await RefreshAndPersistAsync(stored.RefreshToken, ct).ConfigureAwait(false);
        }
        catch (LightspeedAuthException ex) when (ex.OAuthError == "invalid_grant")
        {
            var newer = await _store.LoadAsync(ct).ConfigureAwait(false);
            if (newer is null || newer.RefreshToken == stored.RefreshToken)
            {
                throw; // Nobody rotated it behind our back: the connection itself is dead.
            }

            Log.TokenRotatedElsewhere(_logger);
            return IsUsable(newer, rejectedAccessToken)
                ? newer
                : await RefreshAndPersistAsync(newer.RefreshToken, ct).ConfigureAwait(false);
        }
    }

    private async Task<LightspeedTokenSet> RefreshAndPersistAsync(string refreshToken, CancellationToken ct)
    {
        var grant = await _endpoint.RefreshAsync(refreshToken, ct).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var result = new LightspeedTokenSet(grant.AccessToken, grant.RefreshToken, now, now + grant.ExpiresIn);

        // Persist before anyone uses the new access token: its first use revokes the old refresh token
        // (shared/reference/lightspeed-api.md §1, deferred revocation since 2026.01.15). If saving fails,
        // nobody uses the new token, and the old refresh token stays valid for the next attempt.
        await _store.SaveAsync(result, ct).ConfigureAwait(false);
        _onRefreshed?.Invoke();
        Log.TokenRefreshed(_logger, (long)grant.ExpiresIn.TotalSeconds);
        return result;
    }

    /// <summary>A stored access token is usable when it is fresh and is not the one the server just refused.</summary>
    private bool IsUsable(LightspeedTokenSet stored, string? rejectedAccessToken) =>
        stored.AccessToken is { } token && token != rejectedAccessToken && IsFresh(stored);

    private bool IsFresh(LightspeedTokenSet tokens)
    {
        var margin = _refreshAhead;
        if (tokens.IssuedAt > DateTimeOffset.MinValue && tokens.ExpiresAt > tokens.IssuedAt)
        {
            // expires_in is authoritative and may be short (an emulator, a changed policy): never refresh
            // earlier than half-way through a token's life, or every call would refresh.
            var halfLife = (tokens.ExpiresAt - tokens.IssuedAt) / 2;
            margin = margin < halfLife ? margin : halfLife;
        }

        return _time.GetUtcNow() < tokens.ExpiresAt - margin;
    }
}
