namespace Lightbridge.Lightspeed;

/// <summary>
/// A token store that lives as long as the process: for tests, the benchmark and the demo. A real
/// deployment must persist the pair, because the configured refresh token is dead after the first rotation.
/// </summary>
public sealed class InMemoryLightspeedTokenStore : ILightspeedTokenStore
{
    private readonly Lock _gate = new();
    private LightspeedTokenSet _current;
    private int _saveCount;

    /// <summary>Starts with only a refresh token.</summary>
    public InMemoryLightspeedTokenStore(string initialRefreshToken)
    {
        _current = LightspeedTokenSet.FromRefreshToken(initialRefreshToken);
    }

    /// <summary>How many times a pair was saved.</summary>
    public int SaveCount => Volatile.Read(ref _saveCount);

    /// <summary>The pair held now.</summary>
    public LightspeedTokenSet Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<LightspeedTokenSet?> LoadAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return ValueTask.FromResult<LightspeedTokenSet?>(Current);
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(LightspeedTokenSet tokens, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ct.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _current = tokens;
            _saveCount++;
        }

        return ValueTask.CompletedTask;
    }
}
