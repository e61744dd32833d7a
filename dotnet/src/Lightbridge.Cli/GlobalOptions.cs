using System.CommandLine;
using Lightbridge.Cli.Logging;

namespace Lightbridge.Cli;

/// <summary>The options every verb accepts: the settings file and how to log.</summary>
internal sealed class GlobalOptions
{
    /// <summary><c>--config FILE</c>: read after appsettings.json and instead of ./lightbridge.json.</summary>
    public Option<string?> Config { get; } = new("--config")
    {
        Description = "A settings file read after appsettings.json and instead of ./lightbridge.json.",
        Recursive = true,
    };

    /// <summary><c>--log-format text|json</c>: readable lines or compact JSON on the console.</summary>
    public Option<LogFormat> LogFormat { get; } = new("--log-format")
    {
        Description = "How the console log is written: text (readable) or json (compact JSON, one event a line).",
        Recursive = true,
        DefaultValueFactory = _ => Logging.LogFormat.Text,
    };

    /// <summary><c>--verbose</c>: log at Debug whatever <c>Logging:Level</c> says.</summary>
    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Log at Debug level (overrides a higher Logging:Level).",
        Recursive = true,
    };
}
