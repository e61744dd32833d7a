namespace Lightbridge.Lightspeed.RateLimiting;

/// <summary>
/// Decides when the next request may go so that the leaky bucket never overflows: a pure decision object
/// (no IO, no clock of its own; STYLE G7). It is driven only by what the responses report (level, size,
/// drip rate, cost, burst limit), never by constants, because Lightspeed changed them in 2026
/// (shared/reference/lightspeed-api.md §5, §9.14).
/// </summary>
/// <remarks>
/// The model: the level decays linearly at the drip rate from the last reported value. Each reservation
/// books its expected cost at the moment it will be sent, so concurrent callers are given successive slots
/// instead of all seeing the same free room. A report resets the level to what the server said plus the
/// cost of requests still in flight (which the server may not have counted yet; counting them twice only
/// errs on the safe side). A send is allowed when the projected level plus its cost stays at or under
/// <c>size − headroom</c>, so a steady pull runs at the drip rate with the bucket near that mark and
/// draws no 429. Not thread-safe: the caller serialises access.
/// </remarks>
internal sealed class BucketThrottle
{
    private static readonly TimeSpan ProbeWithoutDrip = TimeSpan.FromSeconds(1);

    private readonly double _headroom;
    private double _level;
    private DateTimeOffset _levelAt;
    private double _size;
    private double _dripRate;
    private bool _known;
    private bool _headerless;
    private double _inFlightCost;
    private int _inFlightCount;
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;
    private DateTimeOffset _lastSendAt = DateTimeOffset.MinValue;
    private TimeSpan _minSpacing = TimeSpan.Zero;

    /// <param name="headroom">How far below the bucket size, in drips, the level is kept.</param>
    public BucketThrottle(double headroom)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(headroom);
        _headroom = headroom;
    }

    /// <summary>Whether a bucket report has been seen.</summary>
    public bool IsKnown => _known;

    /// <summary>The reported bucket size, or 0 before any report.</summary>
    public double Size => _size;

    /// <summary>The reported drip rate, or 0 before any report.</summary>
    public double DripRate => _dripRate;

    /// <summary>The level the throttle keeps the bucket under (size minus headroom, at least half the size).</summary>
    public double Target => Math.Max(_size - _headroom, _size / 2);

    /// <summary>The projected bucket level at <paramref name="at"/>, bookings included.</summary>
    public double EstimateLevel(DateTimeOffset at)
    {
        if (!_known)
        {
            return 0;
        }

        var elapsed = (at - _levelAt).TotalSeconds;
        return elapsed <= 0 ? _level : Math.Max(0, _level - (_dripRate * elapsed));
    }

    /// <summary>
    /// Books a request of <paramref name="expectedCost"/> drips and returns how long to wait before sending it,
    /// or null when the bucket is still unknown and a first request is already out: wait for its report
    /// (then call again), so a crowd of callers does not start blind.
    /// </summary>
    public TimeSpan? Reserve(double expectedCost, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedCost);
        if (!_known && !_headerless && _inFlightCount > 0)
        {
            return null;
        }

        var sendAt = Max(now, _notBefore);
        if (_minSpacing > TimeSpan.Zero && _lastSendAt > DateTimeOffset.MinValue)
        {
            sendAt = Max(sendAt, _lastSendAt + _minSpacing);
        }

        if (_known)
        {
            // A request dearer than the whole target can only go into an empty bucket.
            var allowed = Math.Max(Target - expectedCost, 0);
            if (EstimateLevel(sendAt) > allowed)
            {
                // Drain counts only from the last booking: a slot booked for later holds its level until then.
                var from = Max(sendAt, _levelAt);
                var excess = EstimateLevel(from) - allowed;
                sendAt = from + (_dripRate > 0 ? TimeSpan.FromSeconds(excess / _dripRate) : ProbeWithoutDrip);
            }

            _level = EstimateLevel(sendAt) + expectedCost;
            _levelAt = sendAt;
        }

        _lastSendAt = Max(_lastSendAt, sendAt);
        _inFlightCost += expectedCost;
        _inFlightCount++;
        return sendAt - now;
    }

    /// <summary>Records the answer to a booked request: its bucket report, or null when the response had none.</summary>
    /// <param name="bookedCost">The cost the request was booked at.</param>
    /// <param name="status">The bucket as the response reported it.</param>
    /// <param name="now">When the reported level was measured: the moment the request was sent.</param>
    public void Complete(double bookedCost, BucketStatus? status, DateTimeOffset now)
    {
        Release(bookedCost);
        if (status is not { } reported)
        {
            // A server that answers without bucket headers is not rate limited by them: stop probing one at a time.
            _headerless |= !_known;
            return;
        }

        _known = true;
        _size = reported.Size;
        _dripRate = reported.DripRate;
        _level = reported.Level + _inFlightCost;
        _levelAt = now;

        // The burst limiter counts requests in fixed one-second windows (§5): spacing sends by a little more
        // than 1/limit keeps every window under it even while the bucket still has room.
        _minSpacing = reported.BurstLimit is { } burst && burst > 0
            ? TimeSpan.FromSeconds(1 / Math.Max(burst - 1, 1))
            : TimeSpan.Zero;
    }

    /// <summary>Releases a booked request that never got an answer (cancelled, connection dropped).</summary>
    public void Abandon(double bookedCost) => Release(bookedCost);

    /// <summary>Holds every caller back until the <c>Retry-After</c> of a 429 has passed.</summary>
    public void RateLimited(TimeSpan retryAfter, DateTimeOffset now) => _notBefore = Max(_notBefore, now + retryAfter);

    private void Release(double bookedCost)
    {
        _inFlightCost = Math.Max(0, _inFlightCost - bookedCost);
        _inFlightCount = Math.Max(0, _inFlightCount - 1);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
