namespace Lightbridge.Emulators.Salesforce.Control;

/// <summary>Decides, call by call, which configured fault fires. Seeded so a test run repeats exactly.</summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private Random _random;
    private FaultSettings _settings = new();

    public FaultInjector(int seed)
    {
        _random = new Random(seed);
        Seed = seed;
    }

    public int Seed { get; }

    public FaultSettings Settings
    {
        get
        {
            lock (_gate)
            {
                return _settings;
            }
        }
    }

    public void Configure(FaultSettings settings)
    {
        lock (_gate)
        {
            _settings = settings;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _settings = new FaultSettings();
            _random = new Random(Seed);
        }
    }

    public bool Roll(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        lock (_gate)
        {
            return rate >= 1 || _random.NextDouble() < rate;
        }
    }

    public bool ShouldLockRow() => Roll(Settings.LockRowRate);
}
