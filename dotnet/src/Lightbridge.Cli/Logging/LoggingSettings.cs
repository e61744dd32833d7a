using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;

namespace Lightbridge.Cli.Logging;

/// <summary>
/// The <c>Logging</c> section: <c>Logging:Level</c> (Verbose, Debug, Information, Warning, Error; default
/// Information), <c>Logging:File:Path</c> (a rolling file when set), <c>Logging:File:RollingInterval</c> (Day by
/// default) and <c>Logging:File:RetainedFileCount</c> (14 by default).
/// </summary>
internal sealed record LoggingSettings(LogEventLevel Level, string? FilePath, RollingInterval FileRollingInterval, int RetainedFileCount)
{
    /// <summary>Reads the section; every problem names its setting.</summary>
    public static LoggingSettings Read(IConfiguration configuration, bool verbose, List<string> problems)
    {
        var section = configuration.GetSection("Logging");
        var level = LogEventLevel.Information;
        var levelText = section["Level"];
        if (!string.IsNullOrWhiteSpace(levelText) && !Enum.TryParse(levelText, ignoreCase: true, out level))
        {
            problems.Add($"Logging:Level: '{levelText}' is not one of {string.Join(", ", Enum.GetNames<LogEventLevel>())}.");
        }

        if (verbose && level > LogEventLevel.Debug)
        {
            level = LogEventLevel.Debug;
        }

        var interval = RollingInterval.Day;
        var intervalText = section["File:RollingInterval"];
        if (!string.IsNullOrWhiteSpace(intervalText) && !Enum.TryParse(intervalText, ignoreCase: true, out interval))
        {
            problems.Add($"Logging:File:RollingInterval: '{intervalText}' is not one of {string.Join(", ", Enum.GetNames<RollingInterval>())}.");
        }

        var retained = 14;
        var retainedText = section["File:RetainedFileCount"];
        if (!string.IsNullOrWhiteSpace(retainedText) && (!int.TryParse(retainedText, out retained) || retained < 1))
        {
            problems.Add($"Logging:File:RetainedFileCount: '{retainedText}' is not a whole number of at least 1.");
        }

        var path = section["File:Path"];
        return new LoggingSettings(level, string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path), interval, retained);
    }
}
