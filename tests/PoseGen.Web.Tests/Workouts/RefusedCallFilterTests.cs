using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using PoseGen.Web.Hubs;
using Serilog.Events;

namespace PoseGen.Web.Tests.Workouts;

/// <summary>
/// Refused hub calls (a HubException: the caller's bad input) are logged once at Information, not as errors.
/// </summary>
public sealed class RefusedCallFilterTests
{
    private const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    [Fact]
    public async Task LogsARefusedCallAtInformationAndRethrowsItForTheCaller()
    {
        var logger = new CapturingLogger();
        var filter = new RefusedCallFilter(logger);

        var thrown = await Assert.ThrowsAsync<HubException>(async () =>
            await filter.InvokeMethodAsync(Invocation(), _ => throw new HubException(
                "Send between 0 and 300 frames per call.")));

        Assert.Equal("Send between 0 and 300 frames per call.", thrown.Message);
        var (level, message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, level);
        Assert.Equal("Refused SampleHub.Frames: Send between 0 and 300 frames per call.", message);
    }

    [Fact]
    public async Task LeavesOtherFailuresAndSuccessesAlone()
    {
        var logger = new CapturingLogger();
        var filter = new RefusedCallFilter(logger);

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await filter.InvokeMethodAsync(Invocation(), _ => throw new InvalidOperationException("bug")));
        Assert.Equal(42, await filter.InvokeMethodAsync(Invocation(), _ => ValueTask.FromResult<object?>(42)));

        Assert.Empty(logger.Entries);
    }

    [Theory]
    [InlineData(DispatcherCategory, "hub", true)]
    [InlineData(DispatcherCategory, "other", false)]
    [InlineData(DispatcherCategory, null, false)]
    [InlineData("PoseGen.Web.Hubs.RefusedCallFilter", "hub", false)]
    [InlineData(null, "hub", false)]
    public void DropsOnlySignalRsOwnEntryOfARefusedCall(string? category, string? exception, bool dropped)
    {
        Exception? error = exception switch
        {
            "hub" => new HubException("This session has ended; start a new one."),
            "other" => new InvalidOperationException("bug"),
            _ => null,
        };
        List<LogEventProperty> properties = category is null ? [] : [new("SourceContext", new ScalarValue(category))];
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Error, error, MessageTemplate.Empty,
            properties);

        Assert.Equal(dropped, RefusedCallFilter.IsSignalRsCopy(logEvent));
    }

    private static HubInvocationContext Invocation() =>
        new(new Caller(), new EmptyServices(), new SampleHub(), typeof(SampleHub).GetMethod(nameof(SampleHub.Frames))!,
            []);

    private sealed class SampleHub : Hub
    {
        public void Frames()
        {
        }
    }

    private sealed class Caller : HubCallerContext
    {
        public override string ConnectionId => "connection";
        public override string? UserIdentifier => "user";
        public override ClaimsPrincipal? User => new();
        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
        public override IFeatureCollection Features { get; } = new FeatureCollection();
        public override CancellationToken ConnectionAborted => CancellationToken.None;

        public override void Abort()
        {
        }
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private sealed class CapturingLogger : ILogger<RefusedCallFilter>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
