namespace Lightbridge.Cli.Alerts;

/// <summary>
/// One alert per key per cool-down: pure (the caller passes the time), so the rule is tested without waiting.
/// A condition that stays true keeps being detected; only the first detection in each cool-down is sent.
/// </summary>
internal sealed class AlertCooldown
{
    private readonly TimeSpan _cooldown;
    private readonly Dictionary<string, DateTimeOffset> _lastSent = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public AlertCooldown(TimeSpan cooldown)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cooldown, TimeSpan.Zero);
        _cooldown = cooldown;
    }

    /// <summary>True (and the key's cool-down starts) when <paramref name="key"/> was not sent in the last cool-down.</summary>
    public bool TryAcquire(string key, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_lastSent.TryGetValue(key, out var last) && now - last < _cooldown)
            {
                return false;
            }

            _lastSent[key] = now;
            return true;
        }
    }
}
