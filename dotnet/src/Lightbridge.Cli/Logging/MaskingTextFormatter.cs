using System.Globalization;
using Serilog.Events;
using Serilog.Formatting;

namespace Lightbridge.Cli.Logging;

/// <summary>
/// Formats an event with the inner formatter, then masks the whole text through <see cref="SensitiveText"/>: the
/// only place that also sees exception messages and stack traces, which enrichers cannot rewrite.
/// </summary>
internal sealed class MaskingTextFormatter : ITextFormatter
{
    private readonly ITextFormatter _inner;

    public MaskingTextFormatter(ITextFormatter inner)
    {
        _inner = inner;
    }

    /// <inheritdoc />
    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        _inner.Format(logEvent, buffer);
        output.Write(SensitiveText.Mask(buffer.ToString()));
    }
}
