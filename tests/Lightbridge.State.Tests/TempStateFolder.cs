using Microsoft.Extensions.Time.Testing;

namespace Lightbridge.State.Tests;

/// <summary>A temporary folder for real LiteDB files, deleted by <see cref="Dispose"/>.</summary>
internal sealed class TempStateFolder : IDisposable
{
    public TempStateFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "lightbridge-state-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.Zero));
    }

    public string Root { get; }

    public FakeTimeProvider Time { get; }

    public string DatabasePath => Path.Combine(Root, "state", "lightbridge.db");

    public StateStore Open(string? password = null) =>
        StateStore.Open(new StateOptions { Path = DatabasePath, Password = password }, Time);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
