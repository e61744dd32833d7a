namespace Lightbridge.Cli.Logging;

/// <summary>How log events are written to the console (<c>--log-format</c>).</summary>
internal enum LogFormat
{
    /// <summary>One readable line per event, for a person at a terminal.</summary>
    Text,

    /// <summary>Compact JSON (CLEF), one object per line, for a log collector.</summary>
    Json,
}
