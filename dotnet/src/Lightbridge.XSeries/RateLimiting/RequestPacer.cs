using Microsoft.Extensions.Logging;

namespace Lightbridge.XSeries.RateLimiting;

/// <summary>The shell around <see cref="RateLimitPacer"/>: serialises access to it and waits through the injected clock.</summary>
internal sealed class RequestPacer
{
    private readonly RateLimitPacer _decisions;
    private readonly TimeProvider _time;
    private readonly XSeriesClientStatistics _statistics;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();

    public RequestPacer(RateLimitPacer decisions, TimeProvider time, XSeriesClientStatistics statistics, ILogger logger)
    {
        _decisions = decisions;
        _time = time;
        _statistics = statistics;
        _logger = logger;
    }

    /// <summary>Waits until the next request may be sent.</summary>
    public async Task EnterAsync(CancellationToken ct)
    {
        TimeSpan wait;
        RateLimitStatus? last;
        lock (_gate)
        {
            last = _decisions.Last;
            wait = _decisions.Next(_time.GetUtcNow());
        }

        if (wait > TimeSpan.Zero)
        {
            Log.ThrottleWaiting(_logger, wait.TotalMilliseconds, last?.Remaining ?? -1, last?.Limit ?? -1);
            await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            _statistics.Waited(wait);
        }
    }

    /// <summary>Records a response's rate-limit headers.</summary>
    public void Report(RateLimitStatus? status)
    {
        lock (_gate)
        {
            _decisions.Report(status);
        }

        if (status is { } reported)
        {
            _statistics.RateLimitReported(reported.Limit, reported.Remaining);
        }
    }

    /// <summary>Holds every caller back until the instant a 429 named.</summary>
    public void Hold(TimeSpan wait)
    {
        lock (_gate)
        {
            _decisions.Hold(_time.GetUtcNow() + wait);
        }
    }
}
