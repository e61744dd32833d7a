namespace Lightbridge.Emulators.Lightspeed.Control;

/// <summary>Draws fault decisions from a seeded random so a chaos run is repeatable for a given request order.</summary>
internal sealed class FaultInjector(int seed)
{
    private static readonly int[] ServerErrors = [500, 502, 503];
    private readonly Lock _gate = new();
    private Random _random = new(seed);

    public EmulatorFaults Current { get; private set; } = EmulatorFaults.None;

    public void Set(EmulatorFaults faults)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(faults.ServerErrorRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(faults.ServerErrorRate, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(faults.DroppedConnectionRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(faults.DroppedConnectionRate, 1);
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
            Current = EmulatorFaults.None;
            _random = new Random(newSeed);
        }
    }

    public FaultDecision Decide()
    {
        lock (_gate)
        {
            var f = Current;
            if (f == EmulatorFaults.None)
            {
                return new FaultDecision(TimeSpan.Zero, false, null);
            }

            var drop = f.DroppedConnectionRate > 0 && _random.NextDouble() < f.DroppedConnectionRate;
            int? error = !drop && f.ServerErrorRate > 0 && _random.NextDouble() < f.ServerErrorRate
                ? ServerErrors[_random.Next(ServerErrors.Length)]
                : null;
            return new FaultDecision(f.Latency, drop, error);
        }
    }
}
