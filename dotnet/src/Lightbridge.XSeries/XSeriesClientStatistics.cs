namespace Lightbridge.XSeries;

/// <summary>
/// Live counters of one <see cref="XSeriesClient"/>, for benchmarks, tests and the run log. Safe to read from any
/// thread while requests run.
/// </summary>
public sealed class XSeriesClientStatistics
{
    private readonly Lock _limitGate = new();
    private (int Limit, int Remaining)? _lastRateLimit;
    private long _requestsSent;
    private long _rateLimited;
    private long _tokenRefreshes;
    private long _throttleWaitTicks;
    private long _transientRetries;
    private long _unauthorized;

    /// <summary>API requests put on the wire (every attempt, retries included; token requests excluded).</summary>
    public long RequestsSent => Interlocked.Read(ref _requestsSent);

    /// <summary>Successful token refreshes (each rotated the refresh token).</summary>
    public long TokenRefreshes => Interlocked.Read(ref _tokenRefreshes);

    /// <summary>429 responses received.</summary>
    public long RateLimitedResponses => Interlocked.Read(ref _rateLimited);

    /// <summary>Total time requests were held back, by the pacing and by <c>Retry-After</c> (summed over concurrent callers).</summary>
    public TimeSpan ThrottleWaitTotal => TimeSpan.FromTicks(Interlocked.Read(ref _throttleWaitTicks));

    /// <summary>Retries after transient faults (5xx, timeouts, dropped connections, unreadable bodies).</summary>
    public long TransientRetries => Interlocked.Read(ref _transientRetries);

    /// <summary>401 responses from the API.</summary>
    public long UnauthorizedResponses => Interlocked.Read(ref _unauthorized);

    /// <summary>
    /// <c>X-RateLimit-Limit</c> and <c>X-RateLimit-Remaining</c> as the last response reported them, or null before the
    /// first: how close the sync runs to the account's ceiling.
    /// </summary>
    public (int Limit, int Remaining)? LastRateLimit
    {
        get
        {
            lock (_limitGate)
            {
                return _lastRateLimit;
            }
        }
    }

    internal void RequestSent() => Interlocked.Increment(ref _requestsSent);

    internal void TokenRefreshed() => Interlocked.Increment(ref _tokenRefreshes);

    internal void RateLimited() => Interlocked.Increment(ref _rateLimited);

    internal void Waited(TimeSpan wait) => Interlocked.Add(ref _throttleWaitTicks, wait.Ticks);

    internal void TransientRetry() => Interlocked.Increment(ref _transientRetries);

    internal void Unauthorized() => Interlocked.Increment(ref _unauthorized);

    internal void RateLimitReported(int limit, int remaining)
    {
        lock (_limitGate)
        {
            _lastRateLimit = (limit, remaining);
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"requests={RequestsSent} 429={RateLimitedResponses} refreshes={TokenRefreshes} 401={UnauthorizedResponses} " +
        $"throttleWait={ThrottleWaitTotal.TotalSeconds:F1}s transientRetries={TransientRetries}";
}
