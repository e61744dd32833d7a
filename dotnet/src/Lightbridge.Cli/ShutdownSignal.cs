using System.Runtime.InteropServices;

namespace Lightbridge.Cli;

/// <summary>
/// A cancellation token that fires on SIGTERM (systemd, <c>kill</c>), SIGINT (Ctrl+C) and SIGQUIT, so a
/// long-running verb shuts down gracefully instead of being torn down mid-work. Registered explicitly
/// because the runtime's default SIGTERM handling exits the process without giving the verb a say.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignal(CancellationToken linkedTo)
    {
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(linkedTo);
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGQUIT, OnSignal),
        ];
    }

    /// <summary>Cancelled when a shutdown signal arrives or the linked token is cancelled.</summary>
    public CancellationToken Token => _cancellation.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Keep the process alive: the verb finishes its cleanup and returns its own exit code.
        context.Cancel = true;
        _cancellation.Cancel();
    }
}
