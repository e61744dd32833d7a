namespace Lightbridge.Emulators.Lightspeed.RateLimiting;

/// <summary>
/// The leaky bucket plus the fixed-window burst limiter, as pure arithmetic over a caller-given clock reading.
/// Rules (shared/reference/lightspeed-api.md section 5): the level drains at the drip rate; a request is admitted
/// while the level is below the size, even if its cost then overflows it ("the first request that would overflow
/// is still allowed"); later ones get 429 until the level drops below the size. Refused requests add nothing.
/// Not thread-safe: <see cref="RateLimiter"/> serialises calls.
/// </summary>
internal sealed class LeakyBucket
{
    private double _level;
    private DateTimeOffset? _last;
    private long _window = long.MinValue;
    private int _windowCount;

    public double Level => _level;

    public RateLimitDecision Consume(decimal cost, DateTimeOffset now, RateLimitSettings settings)
    {
        if (!settings.Enabled)
        {
            // Off: nothing accumulates, so a header-driven client sees an empty bucket and never waits.
            return new RateLimitDecision(RateLimitOutcome.Allowed, 0, settings.Size, 0, settings.BurstLimit, settings.DripPerSecond, cost, 0);
        }

        Drain(now, settings);
        var window = now.UtcTicks / Math.Max(1, settings.BurstWindow.Ticks);
        if (window != _window)
        {
            _window = window;
            _windowCount = 0;
        }

        if (_level >= settings.Size)
        {
            // Wait until the level is strictly below the size again, in whole seconds, at least 1.
            var seconds = ((_level - settings.Size) / settings.DripPerSecond) + 0.001;
            return Refuse(RateLimitOutcome.LeakyBucket, settings, cost, Math.Max(1, (int)Math.Ceiling(seconds)));
        }

        if (_windowCount >= settings.BurstLimit)
        {
            // The burst limiter resets with the next window; clients are told to wait at least 1 s.
            return Refuse(RateLimitOutcome.BurstLimiter, settings, cost, 1);
        }

        _level += (double)cost;
        _windowCount++;
        return new RateLimitDecision(RateLimitOutcome.Allowed, _level, settings.Size, _windowCount, settings.BurstLimit, settings.DripPerSecond, cost, 0);
    }

    public void Reset()
    {
        _level = 0;
        _last = null;
        _window = long.MinValue;
        _windowCount = 0;
    }

    private void Drain(DateTimeOffset now, RateLimitSettings settings)
    {
        if (_last is { } last && now > last)
        {
            _level = Math.Max(0, _level - ((now - last).TotalSeconds * settings.DripPerSecond));
        }

        if (_last is null || now > _last)
        {
            _last = now;
        }
    }

    private RateLimitDecision Refuse(RateLimitOutcome outcome, RateLimitSettings settings, decimal cost, int retryAfter) =>
        new(outcome, _level, settings.Size, _windowCount, settings.BurstLimit, settings.DripPerSecond, cost, retryAfter);
}
