namespace Lightbridge.State;

/// <summary>
/// The state file could not be opened with the configured <c>State:Password</c>: the password is wrong,
/// missing for an encrypted file, or set for a file that was created without one.
/// </summary>
public sealed class StatePasswordException : Exception
{
    /// <summary>Creates the exception for the database at <paramref name="path"/>.</summary>
    public StatePasswordException(string path, string reason, Exception? innerException)
        : base($"The state file '{path}' cannot be opened: {reason} Check State:Password.", innerException)
    {
        Path = path;
    }

    /// <summary>The state file that could not be opened.</summary>
    public string Path { get; }
}
