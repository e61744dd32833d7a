namespace Lightbridge.Cli;

/// <summary>The process exit codes every verb uses (a contract: see DESIGN.md, "The command line").</summary>
internal static class ExitCodes
{
    /// <summary>The verb did all it was asked.</summary>
    public const int Success = 0;

    /// <summary>The verb finished, but some records failed; every one of them is in the replay queue.</summary>
    public const int RecordFailures = 1;

    /// <summary>A setting or argument is missing or wrong; the message names it.</summary>
    public const int BadConfiguration = 2;

    /// <summary>An external system refused the request or stayed unreachable.</summary>
    public const int ExternalSystemFailure = 3;
}
