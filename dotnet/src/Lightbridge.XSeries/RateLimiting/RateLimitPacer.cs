namespace Lightbridge.XSeries.RateLimiting;

/// <summary>
/// Decides how long the next request waits, from the last <see cref="RateLimitStatus"/> and any 429 hold. Pure: the
/// caller passes the time in and does the waiting.
/// <para>
/// While more than the reserve is left in the window, requests go at once. Inside the reserve they are spaced out:
/// until the reset instant when the server names one (the remaining requests spread evenly up to it), otherwise at
/// the window's sustainable rate (window / limit) stretched by reserve / remaining, so the last requests of a
/// window are the slowest and spending the whole reserve takes about one window: the window turns over before
/// it is spent, instead of the client running into a 429 and a multi-minute <c>Retry-After</c>.
/// </para>
/// </summary>
internal sealed class RateLimitPacer
{
    private readonly TimeSpan _window;
    private readonly double _reserveShare;
    private RateLimitStatus? _last;
    private DateTimeOffset _heldUntil = DateTimeOffset.MinValue;

    public RateLimitPacer(TimeSpan window, double reserveShare)
    {
        _window = window;
        _reserveShare = reserveShare;
    }

    /// <summary>The last status reported.</summary>
    public RateLimitStatus? Last => _last;

    /// <summary>Records what a response reported (null headers change nothing).</summary>
    public void Report(RateLimitStatus? status)
    {
        if (status is not null)
        {
            _last = status;
        }
    }

    /// <summary>
    /// Holds every request until <paramref name="until"/>, after a 429. The server's <c>Retry-After</c> is the better
    /// knowledge then: the counts that came with the 429 say the window is spent, not when it turns over, so they are
    /// forgotten until the next response reports fresh ones.
    /// </summary>
    public void Hold(DateTimeOffset until)
    {
        if (until > _heldUntil)
        {
            _heldUntil = until;
        }

        _last = null;
    }

    /// <summary>How long a request about to be sent at <paramref name="now"/> waits first; then counts it against the window.</summary>
    public TimeSpan Next(DateTimeOffset now)
    {
        var held = _heldUntil > now ? _heldUntil - now : TimeSpan.Zero;
        if (_last is not { } status)
        {
            return held;
        }

        var pace = Pace(status, now);

        // Count this request locally, so concurrent callers between two responses do not all see the same allowance.
        _last = status with { Remaining = Math.Max(0, status.Remaining - 1) };
        return held > pace ? held : pace;
    }

    private TimeSpan Pace(RateLimitStatus status, DateTimeOffset now)
    {
        var reserve = Math.Max(1, (int)Math.Ceiling(status.Limit * _reserveShare));
        if (status.Remaining > reserve)
        {
            return TimeSpan.Zero;
        }

        if (status.ResetsAt is { } reset)
        {
            return reset > now ? (reset - now) / (status.Remaining + 1) : TimeSpan.Zero;
        }

        // Whole ticks, so the same headers always give the same wait.
        var ticks = _window.Ticks * reserve / ((long)status.Limit * Math.Max(1, status.Remaining));
        return TimeSpan.FromTicks(Math.Min(ticks, _window.Ticks));
    }
}
