namespace Lightbridge.Emulators.Salesforce.Limits;

/// <summary>
/// The org's daily API request allocation (DailyApiRequests). Each REST call consumes one; a call past the limit is
/// refused with 403 REQUEST_LIMIT_EXCEEDED "TotalRequests Limit exceeded." (reference section 2.7). The real window is
/// a rolling 24 hours; here it restarts at UTC midnight of the injected clock.
/// </summary>
internal sealed class ApiUsageCounter
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private DateOnly _day;
    private int _used;

    public ApiUsageCounter(int limit, TimeProvider time)
    {
        Limit = limit;
        _time = time;
        _day = Today();
    }

    public int Limit { get; }

    public int Used
    {
        get
        {
            lock (_gate)
            {
                Roll();
                return _used;
            }
        }
    }

    public int Remaining => Math.Max(0, Limit - Used);

    /// <summary>Consumes one call; false (and nothing consumed) once the allocation is spent.</summary>
    public bool TryConsume()
    {
        lock (_gate)
        {
            Roll();
            if (_used >= Limit)
            {
                return false;
            }

            _used++;
            return true;
        }
    }

    public void Set(int used)
    {
        lock (_gate)
        {
            _day = Today();
            _used = Math.Clamp(used, 0, Limit);
        }
    }

    /// <summary>The Sforce-Limit-Info header value sent on every REST response (reference section 2.2).</summary>
    public string Header => $"api-usage={Used}/{Limit}";

    private void Roll()
    {
        var today = Today();
        if (today != _day)
        {
            _day = today;
            _used = 0;
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
}
