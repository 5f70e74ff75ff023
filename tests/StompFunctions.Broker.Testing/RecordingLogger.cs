using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StompFunctions.Broker.Testing;

/// <summary>Keeps every log entry (level, event id, formatted line, exception) for assertions.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<Entry> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Entries.Enqueue(new Entry(logLevel, eventId.Id, formatter(state, exception), exception));
    }

    public sealed record Entry(LogLevel Level, int EventId, string Message, Exception? Exception);
}
