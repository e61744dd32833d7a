namespace Lightbridge.Lightspeed.Tests.Auth;

/// <summary>A token store that can hold a save open, to prove nobody uses a token before it is stored.</summary>
internal sealed class RecordingTokenStore : ILightspeedTokenStore
{
    private LightspeedTokenSet? _current;

    public RecordingTokenStore(LightspeedTokenSet? initial) => _current = initial;

    public List<LightspeedTokenSet> Saved { get; } = [];

    public TaskCompletionSource? HoldSave { get; set; }

    public bool FailSave { get; set; }

    public TaskCompletionSource SaveStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask<LightspeedTokenSet?> LoadAsync(CancellationToken ct) => ValueTask.FromResult(_current);

    public async ValueTask SaveAsync(LightspeedTokenSet tokens, CancellationToken ct)
    {
        SaveStarted.TrySetResult();
        if (HoldSave is { } hold)
        {
            await hold.Task.WaitAsync(ct);
        }

        if (FailSave)
        {
            throw new IOException("disk full");
        }

        lock (Saved)
        {
            Saved.Add(tokens);
            _current = tokens;
        }
    }
}
