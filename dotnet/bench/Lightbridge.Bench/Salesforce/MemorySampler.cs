using System.Diagnostics;

namespace Lightbridge.Bench.Salesforce;

/// <summary>
/// Samples this process's managed heap, working set and private bytes every 50 ms on a background task and keeps
/// the peaks, so a benchmark can report peak minus baseline for the span between <see cref="Start"/> and
/// <see cref="StopAsync"/>.
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly CancellationTokenSource _stop = new();
    private readonly Process _process = Process.GetCurrentProcess();
    private Task? _loop;

    private MemorySampler()
    {
        // The baseline is taken after an aggressive full collection, which also hands free heap memory back to
        // the OS: otherwise memory committed by an earlier phase would hide this phase's growth in the working set.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _process.Refresh();
        BaselineManaged = GC.GetTotalMemory(false);
        BaselineWorkingSet = _process.WorkingSet64;
        BaselinePrivate = _process.PrivateMemorySize64;
        PeakManaged = BaselineManaged;
        PeakWorkingSet = BaselineWorkingSet;
        PeakPrivate = BaselinePrivate;
    }

    public long BaselineManaged { get; }

    public long BaselineWorkingSet { get; }

    public long BaselinePrivate { get; }

    public long PeakManaged { get; private set; }

    public long PeakWorkingSet { get; private set; }

    public long PeakPrivate { get; private set; }

    public static MemorySampler Start()
    {
        var sampler = new MemorySampler();
        sampler._loop = Task.Run(() => sampler.LoopAsync(sampler._stop.Token));
        return sampler;
    }

    /// <summary>Takes a sample now and returns the peaks so far (working set, managed heap).</summary>
    public (long WorkingSet, long Managed) PeaksNow()
    {
        Sample();
        lock (_process)
        {
            return (PeakWorkingSet, PeakManaged);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        Sample();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
        _process.Dispose();
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the last sample is taken by StopAsync.
        }
    }

    private void Sample()
    {
        lock (_process)
        {
            _process.Refresh();
            PeakManaged = Math.Max(PeakManaged, GC.GetTotalMemory(false));
            PeakWorkingSet = Math.Max(PeakWorkingSet, _process.WorkingSet64);
            PeakPrivate = Math.Max(PeakPrivate, _process.PrivateMemorySize64);
        }
    }
}
