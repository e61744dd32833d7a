namespace Lightbridge.State;

/// <summary>
/// Another worker holds the state file: two workers sharing one file would race on checkpoints and on the
/// single-use Lightspeed refresh token, so the second one must not start.
/// </summary>
public sealed class StateLockedException : Exception
{
    /// <summary>Creates the exception for the database at <paramref name="path"/>.</summary>
    public StateLockedException(string path, int? holderProcessId, Exception? innerException)
        : base(BuildMessage(path, holderProcessId), innerException)
    {
        Path = path;
        HolderProcessId = holderProcessId;
    }

    /// <summary>The state file that is locked.</summary>
    public string Path { get; }

    /// <summary>The process id written by the holder, when it could be read.</summary>
    public int? HolderProcessId { get; }

    private static string BuildMessage(string path, int? pid) =>
        pid is null
            ? $"The state file '{path}' is in use by another Lightbridge process (State:Path). Stop it or point State:Path elsewhere."
            : $"The state file '{path}' is in use by another Lightbridge process (pid {pid}) (State:Path). Stop it or point State:Path elsewhere.";
}
