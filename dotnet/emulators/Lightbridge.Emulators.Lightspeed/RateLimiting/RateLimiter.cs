namespace Lightbridge.Emulators.Lightspeed.RateLimiting;

/// <summary>The account's single bucket (one account, one API client), read with the injected clock.</summary>
internal sealed class RateLimiter(BucketMode mode, double timeScale, TimeProvider time, Func<int> registerCount)
{
    private readonly Lock _gate = new();
    private readonly LeakyBucket _bucket = new();

    public RateLimitSettings CurrentSettings => RateLimitSettings.For(registerCount(), mode, timeScale);

    public RateLimitDecision Consume(decimal cost)
    {
        var settings = CurrentSettings;
        lock (_gate)
        {
            return _bucket.Consume(cost, time.GetUtcNow(), settings);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _bucket.Reset();
        }
    }
}
