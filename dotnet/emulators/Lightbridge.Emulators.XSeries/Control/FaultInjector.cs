namespace Lightbridge.Emulators.XSeries.Control;

/// <summary>What to do to one API request: delay it, then drop it, answer 429, or answer a 5xx status.</summary>
internal sealed record FaultDecision(TimeSpan Latency, bool Drop, bool Throttle, int? ServerErrorStatus);

/// <summary>Draws fault decisions from a seeded random so a chaos run repeats for a given request order.</summary>
internal sealed class FaultInjector(int seed)
{
    private static readonly int[] ServerErrors = [500, 502, 503];
    private readonly Lock _gate = new();
    private Random _random = new(seed);

    public XSeriesFaults Current { get; private set; } = XSeriesFaults.None;

    public void Set(XSeriesFaults faults)
    {
        foreach (var rate in new[] { faults.ServerErrorRate, faults.ThrottleRate, faults.DroppedConnectionRate })
        {
            if (rate is < 0 or > 1 || double.IsNaN(rate))
            {
                throw new ArgumentOutOfRangeException(nameof(faults), rate, "Fault rates must be between 0 and 1.");
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(faults.Latency, TimeSpan.Zero);
        lock (_gate)
        {
            Current = faults;
        }
    }

    public void Reset(int newSeed)
    {
        lock (_gate)
        {
            Current = XSeriesFaults.None;
            _random = new Random(newSeed);
        }
    }

    public FaultDecision Decide()
    {
        lock (_gate)
        {
            var f = Current;
            if (f == XSeriesFaults.None)
            {
                return new FaultDecision(TimeSpan.Zero, false, false, null);
            }

            var drop = f.DroppedConnectionRate > 0 && _random.NextDouble() < f.DroppedConnectionRate;
            var throttle = !drop && f.ThrottleRate > 0 && _random.NextDouble() < f.ThrottleRate;
            int? error = !drop && !throttle && f.ServerErrorRate > 0 && _random.NextDouble() < f.ServerErrorRate
                ? ServerErrors[_random.Next(ServerErrors.Length)]
                : null;
            return new FaultDecision(f.Latency, drop, throttle, error);
        }
    }
}
