using Microsoft.AspNetCore.SignalR;
using Serilog.Events;

namespace PoseGen.Web.Hubs;

/// <summary>
/// A <see cref="HubException"/> is the hubs' answer to bad input (a malformed frame, an ended session): a message for
/// the caller, not a server fault. This filter logs it once at Information and rethrows it for SignalR to send back;
/// <see cref="IsSignalRsCopy"/> drops the Error entry SignalR's dispatcher writes for the same exception, so a page
/// that keeps sending a bad frame cannot fill the error log. Every other exception goes on to SignalR's Error entry as
/// before.
/// </summary>
public sealed partial class RefusedCallFilter(ILogger<RefusedCallFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext,
        Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException ex)
        {
            LogRefused(logger, invocationContext.Hub.GetType().Name, invocationContext.HubMethodName, ex.Message);
            throw;
        }
    }

    /// <summary>SignalR's own log entry of a hub call that ended in a <see cref="HubException"/>.</summary>
    public static bool IsSignalRsCopy(LogEvent logEvent) =>
        logEvent.Exception is HubException
        && logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: string category }
        && category.StartsWith("Microsoft.AspNetCore.SignalR.", StringComparison.Ordinal);

    [LoggerMessage(LogLevel.Information, "Refused {Hub}.{Method}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string hub, string method, string reason);
}
