using Lightbridge.Lightspeed;
using Microsoft.Extensions.Logging;

namespace Lightbridge.XSeries.Auth;

/// <summary>
/// Hands out the access token and refreshes it single-flight. X-Series refresh tokens rotate (from March 2025,
/// shared/reference/lightspeed-api.md §7): two concurrent refreshes would burn each other's token, so every caller
/// that needs one while a refresh runs joins it, and a caller whose refused token was already replaced takes the
/// new one. The newest pair is saved to the store before anyone uses its access token.
/// </summary>
internal sealed class TokenManager : IDisposable
{
    private readonly TokenEndpoint _endpoint;
    private readonly ILightspeedTokenStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshAhead;
    private readonly ILogger _logger;
    private readonly Action _onRefreshed;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Lock _gate = new();
    private int _disposed;
    private LightspeedTokenSet? _current;
    private Task<LightspeedTokenSet>? _inflight;

    public TokenManager(TokenEndpoint endpoint, ILightspeedTokenStore store, TimeProvider time, TimeSpan refreshAhead, ILogger logger, Action onRefreshed)
    {
        _endpoint = endpoint;
        _store = store;
        _time = time;
        _refreshAhead = refreshAhead;
        _logger = logger;
        _onRefreshed = onRefreshed;
    }

    /// <summary>A usable access token, refreshed first when none is held or it is about to expire.</summary>
    public Task<string> GetAccessTokenAsync(CancellationToken ct) => AcquireAsync(null, ct);

    /// <summary>After a 401: refreshes, unless another caller already replaced the refused token.</summary>
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

    private async Task<string> AcquireAsync(string? rejected, CancellationToken ct)
    {
        Task<LightspeedTokenSet> pending;
        TaskCompletionSource<LightspeedTokenSet>? started = null;
        lock (_gate)
        {
            if (_current is { } current && IsUsable(current, rejected))
            {
                return current.AccessToken!;
            }

            if (_inflight is null)
            {
                started = new TaskCompletionSource<LightspeedTokenSet>(TaskCreationOptions.RunContinuationsAsynchronously);
                _inflight = started.Task;
            }

            pending = _inflight;
        }

        if (started is not null)
        {
            // The refresh runs on the manager's lifetime, not the caller's: a caller that gives up must not abort a
            // rotation half-way (the server may already have issued the new pair).
            _ = RunRefreshAsync(started, rejected);
        }

        var tokens = await pending.WaitAsync(ct).ConfigureAwait(false);
        return tokens.AccessToken!;
    }

    private async Task RunRefreshAsync(TaskCompletionSource<LightspeedTokenSet> completion, string? rejected)
    {
        try
        {
            var result = await RefreshFromStoreAsync(rejected, _lifetime.Token).ConfigureAwait(false);
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
    /// Starts from the newest pair in the store, not the one held here: another client sharing the store may have
    /// rotated since. When the server refuses our refresh token and the store meanwhile holds a newer one, that other
    /// client won the race: take its pair instead of failing.
    /// </summary>
    private async Task<LightspeedTokenSet> RefreshFromStoreAsync(string? rejected, CancellationToken ct)
    {
        var stored = await _store.LoadAsync(ct).ConfigureAwait(false)
            ?? throw new XSeriesAuthException($"The X-Series token store holds no refresh token; configure {XSeriesClientOptions.SectionName}:RefreshToken.");
        if (IsUsable(stored, rejected))
        {
            return stored;
        }

        try
        {
            return await RefreshAndPersistAsync(stored.RefreshToken, ct).ConfigureAwait(false);
        }
        catch (XSeriesAuthException ex) when (ex.OAuthError == "invalid_grant")
        {
            var newer = await _store.LoadAsync(ct).ConfigureAwait(false);
            if (newer is null || newer.RefreshToken == stored.RefreshToken)
            {
                throw;
            }

            Log.TokenRotatedElsewhere(_logger);
            return IsUsable(newer, rejected) ? newer : await RefreshAndPersistAsync(newer.RefreshToken, ct).ConfigureAwait(false);
        }
    }

    private async Task<LightspeedTokenSet> RefreshAndPersistAsync(string refreshToken, CancellationToken ct)
    {
        var grant = await _endpoint.RefreshAsync(refreshToken, ct).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var result = new LightspeedTokenSet(grant.AccessToken, grant.RefreshToken ?? refreshToken, now, grant.ExpiresAt);

        // Saved before first use: a rotated refresh token that is not stored by then is lost for good.
        await _store.SaveAsync(result, ct).ConfigureAwait(false);
        _onRefreshed();
        Log.TokenRefreshed(_logger, (long)(grant.ExpiresAt - now).TotalSeconds);
        return result;
    }

    private bool IsUsable(LightspeedTokenSet tokens, string? rejected) =>
        tokens.AccessToken is { } token && token != rejected && IsFresh(tokens);

    private bool IsFresh(LightspeedTokenSet tokens)
    {
        var margin = _refreshAhead;
        if (tokens.IssuedAt > DateTimeOffset.MinValue && tokens.ExpiresAt > tokens.IssuedAt)
        {
            // Never refresh earlier than half-way through a token's life, or a short-lived token would refresh on every call.
            var halfLife = (tokens.ExpiresAt - tokens.IssuedAt) / 2;
            margin = margin < halfLife ? margin : halfLife;
        }

        return _time.GetUtcNow() < tokens.ExpiresAt - margin;
    }
}
