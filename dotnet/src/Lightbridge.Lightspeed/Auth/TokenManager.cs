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
            var ct = _lifetime.Token;
            var current = basis
                ?? await _store.LoadAsync(ct).ConfigureAwait(false)
                ?? throw new LightspeedAuthException("The Lightspeed token store holds no refresh token; configure Lightspeed:RefreshToken.");

            LightspeedTokenSet result;
            if (basis is null && current.AccessToken is { } stored && stored != rejectedAccessToken && IsFresh(current))
            {
                result = current; // The stored access token from a previous run is still good.
            }
            else
            {
                var grant = await _endpoint.RefreshAsync(current.RefreshToken, ct).ConfigureAwait(false);
                var now = _time.GetUtcNow();
                result = new LightspeedTokenSet(grant.AccessToken, grant.RefreshToken, now, now + grant.ExpiresIn);

                // Persist before anyone uses the new access token: its first use revokes the old refresh token
                // (shared/reference/lightspeed-api.md §1, deferred revocation since 2026.01.15). If saving fails,
                // nobody uses the new token, and the old refresh token stays valid for the next attempt.
                await _store.SaveAsync(result, ct).ConfigureAwait(false);
                _onRefreshed?.Invoke();
                Log.TokenRefreshed(_logger, (long)grant.ExpiresIn.TotalSeconds);
            }

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
