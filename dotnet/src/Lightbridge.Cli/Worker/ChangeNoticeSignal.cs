using Lightbridge.Core.Failures;

namespace Lightbridge.Cli.Worker;

/// <summary>
/// Entities a source said changed (an X-Series webhook), waiting for their immediate incremental pass. A burst of
/// notices for one entity collapses into one pass: the pass reads every change since the checkpoint anyway.
/// </summary>
internal sealed class ChangeNoticeSignal : IDisposable
{
    private readonly Lock _gate = new();
    private readonly HashSet<SyncEntity> _pending = [];
    private readonly SemaphoreSlim _signal = new(0);

    /// <summary>Asks for a pass of <paramref name="entity"/> as soon as the lane is free.</summary>
    public void Notify(SyncEntity entity)
    {
        lock (_gate)
        {
            _pending.Add(entity);
        }

        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>Takes the entities noticed so far, leaving none pending.</summary>
    public IReadOnlyCollection<SyncEntity> Take()
    {
        lock (_gate)
        {
            var taken = _pending.ToList();
            _pending.Clear();
            return taken;
        }
    }

    /// <summary>Waits for a notice, or for <paramref name="timeout"/> (the next scheduled run), whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return;
        }

        // One waiter, cancelled on timeout, never an abandoned one that would swallow the next notice.
        using var expiry = timeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, expiry.Token);
        try
        {
            await _signal.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The timeout: a scheduled run is due.
        }
    }

    public void Dispose() => _signal.Dispose();
}
