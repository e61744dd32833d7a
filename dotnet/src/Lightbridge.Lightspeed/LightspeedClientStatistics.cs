namespace Lightbridge.Lightspeed;

/// <summary>
/// Live counters of one <see cref="LightspeedClient"/>, for benchmarks, tests and the run log.
/// Safe to read from any thread while requests run.
/// </summary>
public sealed class LightspeedClientStatistics
{
    private readonly Lock _bucketGate = new();
    private (double Level, double Size)? _lastBucket;
    private long _requestsSent;
    private long _bucketRateLimited;
    private long _burstRateLimited;
    private long _tokenRefreshes;
    private long _throttleWaitTicks;
    private long _transientRetries;
    private long _unauthorizedResponses;

    /// <summary>API requests put on the wire (every attempt, retries included; token requests excluded).</summary>
    public long RequestsSent => Interlocked.Read(ref _requestsSent);

    /// <summary>429 responses from the leaky bucket (<c>api-leaky-bucket</c>).</summary>
    public long BucketRateLimitedResponses => Interlocked.Read(ref _bucketRateLimited);

    /// <summary>429 responses from the burst limiter (<c>api-burst-limiter</c>).</summary>
    public long BurstRateLimitedResponses => Interlocked.Read(ref _burstRateLimited);

    /// <summary>All 429 responses.</summary>
    public long RateLimitedResponses => BucketRateLimitedResponses + BurstRateLimitedResponses;

    /// <summary>Successful token refreshes (each rotated the refresh token).</summary>
    public long TokenRefreshes => Interlocked.Read(ref _tokenRefreshes);

    /// <summary>401 responses from the API.</summary>
    public long UnauthorizedResponses => Interlocked.Read(ref _unauthorizedResponses);

    /// <summary>Total time requests spent waiting in the throttle (summed over concurrent callers).</summary>
    public TimeSpan ThrottleWaitTotal => TimeSpan.FromTicks(Interlocked.Read(ref _throttleWaitTicks));

    /// <summary>Retries after transient faults (5xx, timeouts, dropped connections, "Please try again later.").</summary>
    public long TransientRetries => Interlocked.Read(ref _transientRetries);

    internal void RequestSent() => Interlocked.Increment(ref _requestsSent);

    /// <summary>
    /// The bucket as the last response reported it (<c>X-LS-API-Bucket-Level</c>: level and size), or null before the
    /// first; what an operator watches to see how close the sync runs to the account's ceiling.
    /// </summary>
    public (double Level, double Size)? LastBucket
    {
        get
        {
            lock (_bucketGate)
            {
                return _lastBucket;
            }
        }
    }

    internal void BucketReported(double level, double size)
    {
        lock (_bucketGate)
        {
            _lastBucket = (level, size);
        }
    }

    internal void RateLimited(bool burst) => Interlocked.Increment(ref burst ? ref _burstRateLimited : ref _bucketRateLimited);

    internal void TokenRefreshed() => Interlocked.Increment(ref _tokenRefreshes);

    internal void Unauthorized() => Interlocked.Increment(ref _unauthorizedResponses);

    internal void Waited(TimeSpan wait) => Interlocked.Add(ref _throttleWaitTicks, wait.Ticks);

    internal void TransientRetry() => Interlocked.Increment(ref _transientRetries);

    /// <inheritdoc />
    public override string ToString() =>
        $"requests={RequestsSent} 429(bucket)={BucketRateLimitedResponses} 429(burst)={BurstRateLimitedResponses} " +
        $"refreshes={TokenRefreshes} 401={UnauthorizedResponses} throttleWait={ThrottleWaitTotal.TotalSeconds:F1}s transientRetries={TransientRetries}";
}
