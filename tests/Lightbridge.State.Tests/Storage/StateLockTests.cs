using System.Diagnostics;

namespace Lightbridge.State.Tests.Storage;

public sealed class StateLockTests
{
    private TempStateFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempStateFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public void Open_WhileAnotherStoreIsOpen_ThrowsStateLockedWithPathAndPid()
    {
        using var first = _folder.Open();

        var ex = Assert.Throws<StateLockedException>(() => _folder.Open());

        Assert.That(ex!.Path, Is.EqualTo(_folder.DatabasePath));
        Assert.That(ex.HolderProcessId, Is.EqualTo(Environment.ProcessId));
        Assert.That(ex.Message, Does.Contain(_folder.DatabasePath).And.Contain($"pid {Environment.ProcessId}"));
    }

    [Test]
    public void Open_AfterFirstStoreDisposed_Succeeds()
    {
        _folder.Open().Dispose();

        using var second = _folder.Open();
        second.EventReplayIds.Set("/event/X", 3);
        Assert.That(second.EventReplayIds.Get("/event/X")?.ReplayId, Is.EqualTo(3));
    }

    [Test]
    public void Open_StaleLockFileFromDeadProcess_DoesNotBlock()
    {
        // What a killed worker leaves behind: both files exist, but no process holds the OS lock.
        Directory.CreateDirectory(Path.GetDirectoryName(_folder.DatabasePath)!);
        File.WriteAllText(_folder.DatabasePath + ".lock", string.Empty);
        File.WriteAllText(_folder.DatabasePath + ".lock.pid", "999999");

        using var store = _folder.Open();

        Assert.That(File.ReadAllText(_folder.DatabasePath + ".lock.pid"), Is.EqualTo(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Open_LockFileHeldExclusivelyElsewhere_ThrowsStateLocked()
    {
        // Another holder of the OS lock, as a second worker process would be.
        Directory.CreateDirectory(Path.GetDirectoryName(_folder.DatabasePath)!);
        using var holder = new FileStream(_folder.DatabasePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var ex = Assert.Throws<StateLockedException>(() => _folder.Open());

        Assert.That(ex!.HolderProcessId, Is.Null);
        Assert.That(File.Exists(_folder.DatabasePath), Is.False, "LiteDB must not touch a locked file");
    }

    [Test]
    public void Open_StoreHoldsLock_OtherProcessCannotTakeItUntilDisposed()
    {
        // util-linux flock(1) takes the same flock(2) lock .NET uses for FileShare.None on Linux.
        Assume.That(OperatingSystem.IsLinux() && File.Exists("/usr/bin/flock"), "needs Linux and flock(1)");
        var lockPath = _folder.DatabasePath + ".lock";

        using (_folder.Open())
        {
            Assert.That(RunFlock(lockPath), Is.EqualTo(1), "another process must not get the lock while the store is open");
        }

        Assert.That(RunFlock(lockPath), Is.Zero, "the lock must be free after dispose");
    }

    private static int RunFlock(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/flock", ["--exclusive", "--nonblock", path, "true"])
        {
            UseShellExecute = false,
        })!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
