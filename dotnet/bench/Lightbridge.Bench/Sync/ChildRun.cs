namespace Lightbridge.Bench.Sync;

/// <summary>What one <c>lightbridge</c> process did: its exit code, output, wall time and peak memory.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="StandardOutput">Its standard output.</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="Seconds">Wall time from start to exit.</param>
/// <param name="PeakResidentBytes">The kernel's high-water mark of its resident set (<c>VmHWM</c>), last read before exit.</param>
internal sealed record ChildRun(int ExitCode, string StandardOutput, string StandardError, double Seconds, long PeakResidentBytes);
