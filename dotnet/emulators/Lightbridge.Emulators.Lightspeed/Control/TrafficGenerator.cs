namespace Lightbridge.Emulators.Lightspeed.Control;

/// <summary>
/// Background traffic: new sales and customer edits at given rates, paced by the injected clock (so tests drive
/// it with a fake clock). It catches up after a long wait instead of dropping events.
/// </summary>
internal sealed class TrafficGenerator(StoreMutator mutator, TimeProvider time) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _cts;
    private Task? _loop;
    private double _salesPerMinute;
    private double _editsPerMinute;
    private long _sales;
    private long _edits;

    public TrafficStatus Status
    {
        get
        {
            lock (_gate)
            {
                return new TrafficStatus(_loop is { IsCompleted: false }, _salesPerMinute, _editsPerMinute, Interlocked.Read(ref _sales), Interlocked.Read(ref _edits));
            }
        }
    }

    public void Start(double salesPerMinute, double editsPerMinute)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(salesPerMinute);
        ArgumentOutOfRangeException.ThrowIfNegative(editsPerMinute);
        Stop();
        lock (_gate)
        {
            _salesPerMinute = salesPerMinute;
            _editsPerMinute = editsPerMinute;
            Interlocked.Exchange(ref _sales, 0);
            Interlocked.Exchange(ref _edits, 0);
            _cts = new CancellationTokenSource();
            var token = _cts.Token;
            // Capture the start instant before returning so the schedule never depends on thread start-up.
            var start = time.GetUtcNow();
            _loop = Task.Run(() => RunAsync(start, salesPerMinute, editsPerMinute, token), CancellationToken.None);
        }
    }

    public void Stop()
    {
        Task? loop;
        lock (_gate)
        {
            _cts?.Cancel();
            loop = _loop;
            _loop = null;
            _cts?.Dispose();
            _cts = null;
        }

        try
        {
            loop?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by cancellation; nothing to report.
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private async Task RunAsync(DateTimeOffset start, double salesPerMinute, double editsPerMinute, CancellationToken ct)
    {
        var saleEvery = salesPerMinute > 0 ? TimeSpan.FromMinutes(1 / salesPerMinute) : (TimeSpan?)null;
        var editEvery = editsPerMinute > 0 ? TimeSpan.FromMinutes(1 / editsPerMinute) : (TimeSpan?)null;
        var nextSale = start + (saleEvery ?? TimeSpan.Zero);
        var nextEdit = start + (editEvery ?? TimeSpan.Zero);
        if (saleEvery is null && editEvery is null)
        {
            return;
        }

        try
        {
            while (!ct.IsCancellationRequested)
            {
                var due = saleEvery is null ? nextEdit : editEvery is null ? nextSale : (nextSale < nextEdit ? nextSale : nextEdit);
                await WaitUntilAsync(due, ct);

                var now = time.GetUtcNow();
                while (saleEvery is { } se && now >= nextSale && !ct.IsCancellationRequested)
                {
                    mutator.AddSale(null, null);
                    Interlocked.Increment(ref _sales);
                    nextSale += se;
                }

                while (editEvery is { } ee && now >= nextEdit && !ct.IsCancellationRequested)
                {
                    if (mutator.EditRandomCustomer() != 0)
                    {
                        Interlocked.Increment(ref _edits);
                    }

                    nextEdit += ee;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    /// <summary>
    /// Waits until the clock reaches <paramref name="due"/>. A timer is armed for "now plus the gap", so a clock that
    /// jumps between reading it and arming the timer would push the timer past <paramref name="due"/> by the whole
    /// jump; reading the clock again once the timer is armed catches that and returns at once instead.
    /// </summary>
    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken ct)
    {
        var wait = due - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var armed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(wait, time, armed.Token);
        if (time.GetUtcNow() >= due)
        {
            await armed.CancelAsync();
            ct.ThrowIfCancellationRequested();
            return;
        }

        await delay;
    }
}
