using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Lightbridge.Salesforce.Tests.Wire;

/// <summary>Keeps every formatted log line, to check that no secret reaches the logs.</summary>
internal sealed class CapturingLogger : ILogger<SalesforceClient>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue($"{eventId.Name}: {formatter(state, exception)} {exception}");
}
