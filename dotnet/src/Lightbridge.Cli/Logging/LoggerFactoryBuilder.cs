using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace Lightbridge.Cli.Logging;

/// <summary>
/// Builds the Serilog logger every verb logs through: the console (readable text, or compact JSON with
/// <c>--log-format json</c>) and, when <c>Logging:File:Path</c> is set, a rolling file in compact JSON. Every sink
/// writes through <see cref="MaskingTextFormatter"/> and every event passes <see cref="MaskingEnricher"/>.
/// </summary>
internal static class LoggerFactoryBuilder
{
    // The readable form: the message already names entity, run and record; every property is in the JSON forms.
    private const string TextTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <summary>Creates the logger. <paramref name="consoleToStandardError"/> keeps stdout for a verb's own output.</summary>
    public static Logger Create(LoggingSettings settings, LogFormat format, bool consoleToStandardError)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ITextFormatter console = format == LogFormat.Json
            ? new CompactJsonFormatter()
            : new MessageTemplateTextFormatter(TextTemplate, System.Globalization.CultureInfo.InvariantCulture);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(settings.Level)
            // Framework chatter (Kestrel, hosting) stays at warnings unless asked for; the lifetime lines are useful.
            .MinimumLevel.Override("Microsoft", Max(settings.Level, LogEventLevel.Warning))
            .MinimumLevel.Override("System", Max(settings.Level, LogEventLevel.Warning))
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .Enrich.With<MaskingEnricher>()
            .WriteTo.Console(new MaskingTextFormatter(console), standardErrorFromLevel: consoleToStandardError ? LogEventLevel.Verbose : null);
        if (settings.FilePath is { } path)
        {
            configuration = configuration.WriteTo.File(
                new MaskingTextFormatter(new CompactJsonFormatter()),
                path,
                rollingInterval: settings.FileRollingInterval,
                retainedFileCountLimit: settings.RetainedFileCount,
                shared: false);
        }

        return configuration.CreateLogger();
    }

    private static LogEventLevel Max(LogEventLevel a, LogEventLevel b) => a > b ? a : b;
}
