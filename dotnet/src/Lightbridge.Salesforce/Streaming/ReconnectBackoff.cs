namespace Lightbridge.Salesforce.Streaming;

/// <summary>
/// Delays between attempts after network errors: exponential from <c>initial</c> up to <c>max</c>, each drawn
/// at random between half and all of the step ("equal jitter") so many subscribers cut off together do not
/// come back in step. Reset after any exchange that worked.
/// </summary>
internal sealed class ReconnectBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly Random _random;
    private int _failures;

    public ReconnectBackoff(TimeSpan initial, TimeSpan max, Random random)
    {
        _initial = initial;
        _max = max < initial ? initial : max;
        _random = random;
    }

    /// <summary>The delay before the next attempt, and counts one more failure.</summary>
    public TimeSpan Next()
    {
        var exponent = Math.Min(_failures, 30);
        _failures++;
        var step = Math.Min(_max.Ticks, _initial.Ticks * (1L << Math.Min(exponent, 20)));
        var half = step / 2;
        return TimeSpan.FromTicks(half + (long)(_random.NextDouble() * (step - half)));
    }

    public void Reset() => _failures = 0;
}
