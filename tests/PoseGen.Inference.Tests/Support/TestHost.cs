using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PoseGen.Application;

namespace PoseGen.Inference.Tests.Support;

/// <summary>A generic host with <c>AddPoseGenInference</c>, in-memory configuration and captured log lines.</summary>
internal static class TestHost
{
    public static string RepoRoot { get; } = typeof(TestHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "PoseGenRoot").Value!;

    /// <summary>
    /// &lt;root&gt;/../shared/fixtures in a checkout; a git worktree sits deeper (wt/NAME), so the nearest ancestor
    /// holding shared/fixtures is used.
    /// </summary>
    public static string FixturesDir { get; } = FindFixtures();

    private static string FindFixtures()
    {
        for (var dir = new DirectoryInfo(RepoRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException($"No shared/fixtures above {RepoRoot}");
    }

    public static (IHost Host, LogSink Logs) Build(
        IDictionary<string, string?> settings, string? contentRoot = null, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = contentRoot ?? RepoRoot,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        var sink = new LogSink();
        builder.Logging.AddProvider(sink);
        builder.Services.AddPoseGenInference().AddPoseGenApplication();
        configure?.Invoke(builder.Services);
        return (builder.Build(), sink);
    }
}

/// <summary>Collects formatted log lines from every logger.</summary>
internal sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(LogLevel, string, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
