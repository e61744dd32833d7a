namespace Lightbridge.Cli.Commands.Demo;

/// <summary>Times the demo's phases on the injected clock, in the order they ran.</summary>
internal sealed class PhaseClock
{
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly List<PhaseTime> _phases = [];

    public PhaseClock(TimeProvider time)
    {
        _time = time;
        _start = time.GetTimestamp();
    }

    /// <summary>The phases timed so far.</summary>
    public IReadOnlyList<PhaseTime> Phases => _phases;

    /// <summary>Time since the clock was made.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_start);

    /// <summary>Runs and times one phase, telling the user what is going on.</summary>
    public async Task<T> TimeAsync<T>(string name, Func<Task<T>> phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        Console.WriteLine($"» {name}…");
        var started = _time.GetTimestamp();
        var result = await phase().ConfigureAwait(false);
        _phases.Add(new PhaseTime(name, Math.Round(_time.GetElapsedTime(started).TotalSeconds, 2)));
        return result;
    }
}

/// <summary>How long one phase of the demo took.</summary>
/// <param name="Name">The phase.</param>
/// <param name="Seconds">Wall-clock seconds.</param>
internal sealed record PhaseTime(string Name, double Seconds);
