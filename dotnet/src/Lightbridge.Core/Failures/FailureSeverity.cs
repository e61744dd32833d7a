namespace Lightbridge.Core.Failures;

/// <summary>How a <see cref="RecordFailure"/> affects its record.</summary>
public enum FailureSeverity
{
    /// <summary>The record is not loaded; it goes to the replay queue.</summary>
    Error = 0,

    /// <summary>The record is loaded without the offending value (e.g. a malformed email dropped from matching); reported only.</summary>
    Warning,
}
