using System.Globalization;
using Lightbridge.Cli.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Lightbridge.Cli.Tests.Logging;

/// <summary>The enricher and the formatter together, as every sink of the product uses them.</summary>
[TestFixture]
public sealed class MaskingPipelineTests
{
    [Test]
    public void Log_PropertiesAndExceptionCarrySecrets_NothingSensitiveIsWritten()
    {
        using var sink = new CapturingSink();
        using (var logger = new LoggerConfiguration().MinimumLevel.Verbose().Enrich.With<MaskingEnricher>().WriteTo.Sink(sink).CreateLogger())
        {
            var exception = new InvalidOperationException("upsert failed for bob@example.org with Bearer abcdefghijklmnop");
            logger.Debug(exception, "Customer {Email} {Phone} token {AccessToken} request {@Request}", "bob@example.org", "+14155550123", "opaque-value", new { Url = "http://x/?refresh_token=r1r2r3", ClientSecret = "hunter2hunter2" });
        }

        var written = sink.Text;
        Assert.That(written, Does.Not.Contain("bob@example.org").And.Not.Contain("+14155550123").And.Not.Contain("opaque-value")
            .And.Not.Contain("r1r2r3").And.Not.Contain("hunter2hunter2").And.Not.Contain("abcdefghijklmnop"));
        Assert.That(written, Does.Contain("b***@example.org").And.Contain("[REDACTED]"));
    }

    private sealed class CapturingSink : ILogEventSink, IDisposable
    {
        private readonly MaskingTextFormatter _formatter = new(new CompactJsonFormatter());
        private readonly StringWriter _output = new(CultureInfo.InvariantCulture);

        public string Text => _output.ToString();

        public void Emit(LogEvent logEvent) => _formatter.Format(logEvent, _output);

        public void Dispose() => _output.Dispose();
    }
}
