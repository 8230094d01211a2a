using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SafetyNet.Tests.Infrastructure;

/// <summary>Hands out the application's scopes, except that the first request for one throws <paramref name="failure"/>.</summary>
public sealed class ScopesThatFailOnce(IServiceScopeFactory inner, Exception failure) : IServiceScopeFactory
{
    private int _failed;

    public IServiceScope CreateScope() => Interlocked.Exchange(ref _failed, 1) == 0 ? throw failure : inner.CreateScope();
}

/// <summary>Keeps every line a component logs, with its exception written out, so a test can read what an operator would.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Text)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception) + (exception is null ? "" : Environment.NewLine + exception)));
}
