using System.Globalization;

namespace Lightbridge.State;

/// <summary>
/// An OS-level exclusive lock on <c>{database}.lock</c>, held for the lifetime of a <see cref="StateStore"/>.
/// </summary>
/// <remarks>
/// The lock file is opened with <see cref="FileShare.None"/>: on Windows that is a sharing-mode lock, on Linux
/// and macOS .NET takes an <c>flock(LOCK_EX)</c> on the open file description. Either way the operating system
/// releases it when the handle closes or the process dies, so a lock file left behind by a crashed worker does
/// not block a new one: its existence means nothing, only the held lock does. Because flock belongs to one open
/// file description, a second open inside the same process is refused too.
/// The holder's pid goes to a separate <c>{database}.lock.pid</c> file, because on Linux a second process
/// cannot even read a file that another holds with <see cref="FileShare.None"/>.
/// </remarks>
internal sealed class StateLock : IDisposable
{
    private readonly FileStream _handle;
    private readonly string _pidPath;

    private StateLock(FileStream handle, string pidPath)
    {
        _handle = handle;
        _pidPath = pidPath;
    }

    /// <summary>Takes the lock for the database at <paramref name="databasePath"/> or throws <see cref="StateLockedException"/>.</summary>
    public static StateLock Acquire(string databasePath)
    {
        var lockPath = databasePath + ".lock";
        var pidPath = lockPath + ".pid";
        FileStream handle;
        try
        {
            handle = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException ex)
        {
            throw new StateLockedException(databasePath, ReadHolderPid(pidPath), ex);
        }

        try
        {
            File.WriteAllText(pidPath, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            // The pid file only improves the message a second worker shows; the lock itself is held.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }

        return new StateLock(handle, pidPath);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Delete the pid file first, while the lock still guarantees nobody else has written theirs.
        try
        {
            File.Delete(_pidPath);
        }
        catch (IOException)
        {
            // A leftover pid file is harmless: it is read only when the lock is actually held.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }

        _handle.Dispose();
    }

    private static int? ReadHolderPid(string pidPath)
    {
        try
        {
            var text = File.ReadAllText(pidPath).Trim();
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
