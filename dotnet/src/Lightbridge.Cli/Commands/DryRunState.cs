using Lightbridge.Cli.Configuration;
using Lightbridge.Salesforce.DryRun;
using Lightbridge.State;

namespace Lightbridge.Cli.Commands;

/// <summary>
/// What a <c>--dry-run</c> holds besides the real state file: a copy of it in a temporary folder for the engine to
/// change freely, the ledger of would-be writes, and the Salesforce HTTP client whose writes never leave the process.
/// Disposing closes the copy and deletes its folder.
/// </summary>
internal sealed class DryRunState : IDisposable
{
    private readonly string _folder;

    private DryRunState(string folder, StateStore copy, DryRunLedger ledger, HttpClient http)
    {
        _folder = folder;
        Copy = copy;
        Ledger = ledger;
        Http = http;
    }

    /// <summary>The engine's throwaway state.</summary>
    public StateStore Copy { get; }

    /// <summary>What would have been written.</summary>
    public DryRunLedger Ledger { get; }

    /// <summary>The HTTP client of the Salesforce client: reads go out, writes are answered in process.</summary>
    public HttpClient Http { get; }

    /// <summary>
    /// Copies the real state file (closed for the copy, so LiteDB has written everything into it, then opened and locked
    /// again) and opens the copy. Returns the reopened real store and the dry-run state.
    /// </summary>
    public static (StateStore Real, DryRunState DryRun) Open(StateStore real, StateOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(options);
        var path = real.Path;
        real.Dispose();
        var folder = Path.Combine(Path.GetTempPath(), "lightbridge-dry-run-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var copyPath = Path.Combine(folder, Path.GetFileName(path));
        if (File.Exists(path))
        {
            File.Copy(path, copyPath);
        }

        var reopened = StateSettings.Open(options, time);
        try
        {
            var copy = StateStore.Open(new StateOptions { Path = copyPath, Password = options.Password }, time);
            var ledger = new DryRunLedger();
            var http = new HttpClient(new DryRunHandler(new SocketsHttpHandler { AllowAutoRedirect = false }, ledger)) { Timeout = Timeout.InfiniteTimeSpan };
            return (reopened, new DryRunState(folder, copy, ledger, http));
        }
        catch
        {
            reopened.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Http.Dispose();
        Copy.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary copy is harmless; the operating system's temp cleaning removes it.
        }
    }
}
