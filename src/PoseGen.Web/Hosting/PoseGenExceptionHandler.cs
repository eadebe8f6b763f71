using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using PoseGen.Core.Errors;

namespace PoseGen.Web.Hosting;

/// <summary>
/// The one exception handler. /api requests get RFC 7807 problem details; page requests fall through to the friendly
/// error page (ExceptionHandlerOptions re-executes /Home/Error with the status from <see cref="ExceptionStatus"/>).
/// </summary>
public sealed partial class PoseGenExceptionHandler(IProblemDetailsService problems,
    ILogger<PoseGenExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception,
        CancellationToken cancellationToken)
    {
        var status = ExceptionStatus.For(exception);
        // The middleware has already pointed Request.Path at the error page; the feature keeps the original path.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? "";
        if (exception is BusyException busy)
            LogBusy(logger, context.Request.Method, path, busy.Scope, busy.Message);
        else if (status >= 500)
            LogUnhandled(logger, exception, context.Request.Method, path);
        else
            LogClientError(logger, context.Request.Method, path, status, exception.Message);

        if (!ApiRequests.IsApi(path) || context.Response.HasStarted)
            return false;

        context.Response.StatusCode = status;
        if (ExceptionStatus.RetryAfterSeconds(exception) is { } seconds)
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Messages written for users (every error by meaning: an unavailable feature's message is the hint to fix it, a
        // busy one says when to come back); a missing video tool is a 503 whose message says what still works.
        var detail = ExceptionStatus.FaultDetail(exception) ?? (exception is UserFacingException
            || (status < 500 && exception is BadHttpRequestException or InvalidDataException
                or PoseGen.Imaging.ImageDecodeException
                or VideoDecodeException)
            || exception is VideoDecodeException { Kind: VideoErrorKind.ToolsMissing }
            ? exception.Message
            : null);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = ExceptionStatus.Title(status),
                Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Busy ({Scope}) for {Method} {Path}: {Reason}")]
    private static partial void LogBusy(ILogger logger, string method, string path, BusyScope scope, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Client error for {Method} {Path}: {Status} {Reason}")]
    private static partial void LogClientError(ILogger logger, string method, string path, int status, string reason);
}
