namespace Lightbridge.Salesforce.Limits;

/// <summary>
/// Decides when the client holds its calls because the org's API allowance is nearly spent. Once a response
/// reports usage at or past the threshold, the next calls wait until a pause of the configured length has
/// passed; the first response after it that is still past the threshold starts the next pause. Near the cap
/// the client thus slows to a trickle (a call or a few per pause) instead of running into
/// <c>REQUEST_LIMIT_EXCEEDED</c>, which fails every caller of the org, not just us
/// (shared/reference/salesforce-api.md §2.7). The decision is pure; <see cref="WaitAsync"/> only waits it out.
/// </summary>
internal sealed class ApiUsagePause
{
    private readonly double _threshold;
    private readonly TimeSpan _pause;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public ApiUsagePause(double threshold, TimeSpan pause, TimeProvider time)
    {
        _threshold = threshold;
        _pause = pause;
        _time = time;
    }

    /// <summary>The end of the current pause, or <see cref="DateTimeOffset.MinValue"/> when none was started.</summary>
    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_gate)
            {
                return _pausedUntil;
            }
        }
    }

    /// <summary>Records a usage reading taken at <paramref name="now"/>; returns true when it started a pause.</summary>
    public bool Observe(ApiUsage usage, DateTimeOffset now)
    {
        if (_pause <= TimeSpan.Zero || usage.HighestFraction < _threshold)
        {
            return false;
        }

        lock (_gate)
        {
            if (now < _pausedUntil)
            {
                return false; // Responses to calls already in flight do not stretch a running pause.
            }

            _pausedUntil = now + _pause;
            return true;
        }
    }

    /// <summary>How long a call about to start at <paramref name="now"/> must wait first.</summary>
    public TimeSpan DelayBefore(DateTimeOffset now)
    {
        lock (_gate)
        {
            return now < _pausedUntil ? _pausedUntil - now : TimeSpan.Zero;
        }
    }

    /// <summary>Waits out the current pause, if any, on the injected clock.</summary>
    public Task WaitAsync(CancellationToken ct)
    {
        var delay = DelayBefore(_time.GetUtcNow());
        return delay > TimeSpan.Zero ? Task.Delay(delay, _time, ct) : Task.CompletedTask;
    }
}
