using Microsoft.Extensions.Logging;

namespace Lightbridge.Lightspeed.RateLimiting;

/// <summary>
/// The thin shell around <see cref="BucketThrottle"/>: serialises access to it, remembers what each kind of
/// request costs (the server reports <c>X-LS-Api-Request-Cost</c>; relations and <c>count=1</c> cost more,
/// §5), and sleeps through the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class RequestThrottle
{
    /// <summary>The base cost of any request (§5), assumed until the server reports any cost.</summary>
    private const double BaseCost = 1;

    private readonly BucketThrottle _decisions;
    private readonly TimeProvider _time;
    private readonly LightspeedClientStatistics _statistics;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, double> _costs = new(StringComparer.Ordinal);
    private TaskCompletionSource _reported = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private double _dearestReported = BaseCost;

    public RequestThrottle(BucketThrottle decisions, TimeProvider time, LightspeedClientStatistics statistics, ILogger logger)
    {
        _decisions = decisions;
        _time = time;
        _statistics = statistics;
        _logger = logger;
    }

    /// <summary>Waits until a request of this kind may be sent and books it; the ticket must be completed or abandoned.</summary>
    public async Task<ThrottleTicket> EnterAsync(string costKey, CancellationToken ct)
    {
        while (true)
        {
            double cost;
            TimeSpan? delay;
            Task reported;
            lock (_gate)
            {
                // A kind of request not seen yet is booked at the dearest cost seen so far: erring high costs
                // one short wait, erring low risks a 429.
                cost = _costs.TryGetValue(costKey, out var known) ? known : _dearestReported;
                delay = _decisions.Reserve(cost, _time.GetUtcNow());
                reported = _reported.Task;
            }

            if (delay is null)
            {
                await reported.WaitAsync(ct).ConfigureAwait(false);
                continue;
            }

            var ticket = new ThrottleTicket(costKey, cost, _time.GetUtcNow() + delay.Value);
            if (delay > TimeSpan.Zero)
            {
                try
                {
                    Log.ThrottleWaiting(_logger, delay.Value.TotalMilliseconds, cost);
                    await Task.Delay(delay.Value, _time, ct).ConfigureAwait(false);
                }
                catch
                {
                    Abandon(ticket);
                    throw;
                }

                _statistics.Waited(delay.Value);
                ticket = ticket with { ReleasedAt = _time.GetUtcNow() };
            }

            return ticket;
        }
    }

    /// <summary>Records the response to a ticket's request.</summary>
    public void Complete(ThrottleTicket ticket, BucketStatus? status)
    {
        TaskCompletionSource reported;
        lock (_gate)
        {
            // The server measured the level when the request reached it, not when its answer got back to us:
            // stamping the report with the send time stops every round trip (and every large page the server
            // took time to write) from counting as bucket level that has not drained. The request's one-way
            // trip is the error left, a fraction of a drip at any real drip rate, well inside the headroom.
            _decisions.Complete(ticket.Cost, status, ticket.ReleasedAt);
            if (status?.RequestCost is { } cost)
            {
                _costs[ticket.CostKey] = cost;
                _dearestReported = Math.Max(_dearestReported, cost);
            }

            reported = _reported;
            _reported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        reported.TrySetResult();
    }

    /// <summary>Releases a ticket whose request got no response.</summary>
    public void Abandon(ThrottleTicket ticket)
    {
        TaskCompletionSource reported;
        lock (_gate)
        {
            _decisions.Abandon(ticket.Cost);
            reported = _reported;
            _reported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        reported.TrySetResult();
    }

    /// <summary>Holds all callers back after a 429.</summary>
    public void RateLimited(TimeSpan wait)
    {
        lock (_gate)
        {
            _decisions.RateLimited(wait, _time.GetUtcNow());
        }
    }
}
