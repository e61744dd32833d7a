namespace Lightbridge.Emulators.XSeries.RateLimiting;

/// <summary>
/// The X-Series limit (reference section 7): <c>perRegister × registers + base</c> requests per 5-minute window
/// per retailer and application. A window opens at the first request after the previous one closed; the time
/// scale shortens it so tests can cross a window quickly. The register count is read on every request so a
/// mutation that adds registers raises the limit at once.
/// </summary>
internal sealed class WindowRateLimiter(bool enabled, int perRegister, int baseAllowance, double timeScale, TimeProvider time, Func<int> registers)
{
    private static readonly TimeSpan RealWindow = TimeSpan.FromMinutes(5);
    private readonly Lock _gate = new();
    private DateTimeOffset? _windowStart;
    private int _used;

    public TimeSpan Window => TimeSpan.FromTicks((long)(RealWindow.Ticks / timeScale));

    public int Limit => (perRegister * registers()) + baseAllowance;

    public RateDecision Consume()
    {
        var limit = Limit;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_windowStart is null || now >= _windowStart.Value + Window)
            {
                _windowStart = now;
                _used = 0;
            }

            var reset = _windowStart.Value + Window;
            if (enabled && _used >= limit)
            {
                return new RateDecision(false, limit, 0, reset);
            }

            _used++;
            return new RateDecision(true, limit, Math.Max(0, limit - _used), reset);
        }
    }

    /// <summary>The decision a forced-429 fault answers with: the current window, nothing left.</summary>
    public RateDecision Exhausted()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var reset = (_windowStart is { } s && now < s + Window ? s : now) + Window;
            return new RateDecision(false, Limit, 0, reset);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _windowStart = null;
            _used = 0;
        }
    }
}

/// <summary>One request's outcome: allowed or not, the header values, and when the window closes.</summary>
internal sealed record RateDecision(bool Allowed, int Limit, int Remaining, DateTimeOffset ResetsAt)
{
    /// <summary>RFC 1123 date, rounded up to the next whole second so a client waiting until then is never early.</summary>
    public string RetryAfter
    {
        get
        {
            var t = ResetsAt.ToUniversalTime();
            var whole = new DateTimeOffset(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            if (whole < t)
            {
                whole = whole.AddSeconds(1);
            }

            return whole.ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
