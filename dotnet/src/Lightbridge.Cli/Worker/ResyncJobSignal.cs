namespace Lightbridge.Cli.Worker;

/// <summary>Wakes the job runner when the subscriber has queued a job, so a request runs within moments, not at the next poll.</summary>
internal sealed class ResyncJobSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0);

    /// <summary>Says a job was queued.</summary>
    public void Notify()
    {
        // One pending wake-up is enough: the runner drains the whole queue each time it wakes.
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>Waits for a notification or <paramref name="timeout"/>, whichever comes first.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        // One waiter that is cancelled on timeout, never an abandoned one that would swallow the next notification.
        using var expiry = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, expiry.Token);
        try
        {
            await _signal.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The timeout: time to look at the queue anyway.
        }
    }

    public void Dispose() => _signal.Dispose();
}
