using System.CommandLine;
using Lightbridge.Cli.Configuration;
using Microsoft.Extensions.Configuration;
using Serilog.Core;

namespace Lightbridge.Cli.Logging;

/// <summary>The logger of one verb, from the <c>Logging</c> section and the global <c>--log-format</c> and <c>--verbose</c>.</summary>
internal static class CommandLogging
{
    /// <exception cref="ConfigurationProblemException">A <c>Logging</c> setting is wrong (named).</exception>
    public static Logger Create(IConfiguration configuration, ParseResult parseResult, GlobalOptions options, bool consoleToStandardError)
    {
        var problems = new List<string>();
        var settings = LoggingSettings.Read(configuration, parseResult.GetValue(options.Verbose), problems);
        if (problems.Count > 0)
        {
            throw new ConfigurationProblemException(problems);
        }

        return LoggerFactoryBuilder.Create(settings, parseResult.GetValue(options.LogFormat), consoleToStandardError);
    }
}
