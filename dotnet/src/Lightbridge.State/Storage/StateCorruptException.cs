namespace Lightbridge.State;

/// <summary>
/// The state file is damaged on disk (truncated, overwritten, not a LiteDB file): detected when it is opened, so a
/// worker never starts on state it cannot trust. docs/operator-runbook.md, "Backing up and recovering the state file", says how to
/// recover: move the file aside and start again; nothing in it is the only copy of anything.
/// </summary>
public sealed class StateCorruptException : Exception
{
    /// <summary>Creates the exception for the database at <paramref name="path"/>.</summary>
    public StateCorruptException(string path, string detail, Exception? innerException)
        : base(
            $"The state file '{path}' is damaged ({detail}). Move it aside (do not delete it) and start again: the identity index " +
            "is rebuilt from Salesforce and every entity is read again from Lightspeed, upserted by external id, so nothing is " +
            "duplicated; see docs/operator-runbook.md, \"Backing up and recovering the state file\".",
            innerException)
    {
        Path = path;
    }

    /// <summary>The damaged state file.</summary>
    public string Path { get; }
}
