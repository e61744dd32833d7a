using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Lightbridge.Bench.Sync;

/// <summary>
/// A <c>lightbridge</c> process (the executable an operator runs, from the bench's output folder), its output collected
/// and its peak resident set read from <c>/proc/{pid}/status</c> every 50 ms while it runs.
/// </summary>
internal sealed class LightbridgeChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peakResident;

    private LightbridgeChild(Process process)
    {
        _process = process;
        _sampler = SampleAsync(_stop.Token);
    }

    /// <summary>Called with each line of standard output as it arrives.</summary>
    public event Action<string>? LineWritten;

    public static LightbridgeChild Start(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lightbridge.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.Start();
        var child = new LightbridgeChild(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (child._stdout)
                {
                    child._stdout.AppendLine(line);
                }

                child.LineWritten?.Invoke(line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (child._stderr)
                {
                    child._stderr.AppendLine(line);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public int Id => _process.Id;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the exit; a process still running at the timeout is killed and the wait throws.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"lightbridge did not exit within {timeout}:\n{Output(_stderr)}\n{Output(_stdout)}");
        }

        _clock.Stop();
        return _process.ExitCode;
    }

    /// <summary>Asks the process to stop as systemd would (SIGTERM) and waits for it.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync(timeout);
    }

    public ChildRun Result(int exitCode) =>
        new(exitCode, Output(_stdout), Output(_stderr), _clock.Elapsed.TotalSeconds, Interlocked.Read(ref _peakResident));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _sampler;
        }
        catch (OperationCanceledException)
        {
            // The sampler ends by cancellation.
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _stop.Dispose();
    }

    private static string Output(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (await timer.WaitForNextTickAsync(ct))
        {
            if (ReadPeakResident() is { } peak)
            {
                Interlocked.Exchange(ref _peakResident, Math.Max(peak, Interlocked.Read(ref _peakResident)));
            }
        }
    }

    /// <summary><c>VmHWM</c>, the kernel's own high-water mark, so a peak between two samples is not missed.</summary>
    private long? ReadPeakResident()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return kilobytes * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process has exited between two samples.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
