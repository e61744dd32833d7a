using Lightbridge.Lightspeed.Auth;

namespace Lightbridge.Lightspeed.Tests.Auth;

/// <summary>
/// A fake of our own token seam that behaves like Lightspeed's rotation: each refresh token works once,
/// and each refresh returns a new pair. It can hold refreshes open to let callers pile up.
/// </summary>
internal sealed class FakeTokenEndpoint : ILightspeedTokenEndpoint
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _valid;
    private int _calls;
    private int _issued;

    public FakeTokenEndpoint(string initialRefreshToken, TimeSpan expiresIn)
    {
        _valid = [initialRefreshToken];
        ExpiresIn = expiresIn;
    }

    public TimeSpan ExpiresIn { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>When set, refreshes wait for it before answering.</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>Signalled when a refresh request arrives.</summary>
    public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<TokenGrant> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        Interlocked.Increment(ref _calls);
        Arrived.TrySetResult();
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(ct);
        }

        lock (_gate)
        {
            if (!_valid.Remove(refreshToken))
            {
                throw new LightspeedAuthException(System.Net.HttpStatusCode.BadRequest, "POST http://127.0.0.1/auth/oauth/token", "The refresh token is invalid.", "invalid_grant");
            }

            _issued++;
            var next = $"refresh-{_issued}";
            _valid.Add(next);
            return new TokenGrant($"access-{_issued}", next, ExpiresIn);
        }
    }
}
