using Lightbridge.Cli.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace Lightbridge.Cli.Commands.Demo;

/// <summary>
/// The demo's log: everything the worker logs goes to a file in the output folder (compact JSON, masked like every
/// Lightbridge log); the console, which carries the demo's tables, shows only errors unless <c>--verbose</c>.
/// </summary>
internal static class DemoLog
{
    private const string TextTemplate = "{Timestamp:HH:mm:ss.fff} [{Level:u3}] {Message:lj}{NewLine}{Exception}";

    public static Logger Create(string path, bool verbose) =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.With<MaskingEnricher>()
            .WriteTo.File(new MaskingTextFormatter(new CompactJsonFormatter()), path, shared: false)
            .WriteTo.Console(
                new MaskingTextFormatter(new MessageTemplateTextFormatter(TextTemplate, System.Globalization.CultureInfo.InvariantCulture)),
                restrictedToMinimumLevel: verbose ? LogEventLevel.Information : LogEventLevel.Error,
                standardErrorFromLevel: LogEventLevel.Verbose)
            .CreateLogger();
}
