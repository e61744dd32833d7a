using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Lightbridge.XSeries.Tests.Support;

/// <summary>An <see cref="ILogger{T}"/> that keeps every formatted event, to check what reaches the logs.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, EventId Id, string Message, Exception? Exception)> Events { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Events.Enqueue((logLevel, eventId, formatter(state, exception), exception));

    /// <summary>Every message with its exception text, as a sink would write it.</summary>
    public string AllText => string.Join("\n", Events.Select(e => e.Message + " " + e.Exception));
}
