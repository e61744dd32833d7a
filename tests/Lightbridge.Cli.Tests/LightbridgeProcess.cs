using System.Diagnostics;
using System.Text;

namespace Lightbridge.Cli.Tests;

/// <summary>
/// Runs the real <c>lightbridge</c> executable (the built Cli assembly) as a child process, the way an
/// operator runs it, and collects what it prints.
/// </summary>
internal sealed class LightbridgeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _lineArrived = new(0);

    private LightbridgeProcess(Process process)
    {
        _process = process;
    }

    public string StandardOutput { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string StandardError { get { lock (_stderr) { return _stderr.ToString(); } } }

    public int Id => _process.Id;

    public static LightbridgeProcess Start(params string[] arguments) => StartIn(workingDirectory: null, environment: null, arguments);

    /// <summary>Starts lightbridge in a working directory of the test's choosing, with extra environment variables.</summary>
    public static LightbridgeProcess StartIn(string? workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "lightbridge.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var wrapper = new LightbridgeProcess(process);
        process.OutputDataReceived += (_, e) => wrapper.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (wrapper._stderr)
                {
                    wrapper._stderr.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    /// <summary>Waits until a printed line starts with <paramref name="prefix"/> and returns it.</summary>
    public Task<string> WaitForLineAsync(string prefix, TimeSpan timeout) =>
        WaitForLineAsync(line => line.StartsWith(prefix, StringComparison.Ordinal), prefix, timeout);

    /// <summary>Waits until a printed line contains <paramref name="text"/> anywhere (log lines start with a timestamp) and returns it.</summary>
    public Task<string> WaitForLineContainingAsync(string text, TimeSpan timeout) =>
        WaitForLineAsync(line => line.Contains(text, StringComparison.Ordinal), text, timeout);

    private async Task<string> WaitForLineAsync(Func<string, bool> matches, string prefix, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var seen = 0;
        while (true)
        {
            lock (_lines)
            {
                for (; seen < _lines.Count; seen++)
                {
                    if (matches(_lines[seen]))
                    {
                        return _lines[seen];
                    }
                }
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"lightbridge exited with {_process.ExitCode} before printing '{prefix}'.\n{StandardOutput}\n{StandardError}");
            }

            try
            {
                await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"lightbridge did not print '{prefix}' in time.\n{StandardOutput}\n{StandardError}");
            }
        }
    }

    /// <summary>
    /// Sends SIGTERM (what systemd and `kill` send) so the process can shut down gracefully. Not SIGINT:
    /// a process started from a non-interactive background shell inherits SIGINT as ignored.
    /// </summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown code runs, as after a power cut or an OOM kill.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _lineArrived.Dispose();
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stdout)
        {
            _stdout.AppendLine(line);
        }

        lock (_lines)
        {
            _lines.Add(line);
        }

        _lineArrived.Release();
    }
}
