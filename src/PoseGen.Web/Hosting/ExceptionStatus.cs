using Microsoft.AspNetCore.Antiforgery;
using PoseGen.Core.Errors;
using PoseGen.Data;
using PoseGen.Imaging;

namespace PoseGen.Web.Hosting;

/// <summary>
/// The one place that says which status code an exception means. Anything not listed is a 500. The API controllers
/// declare per action ([ProducesResponseType]) the codes its input and its use case can produce through this mapping,
/// but not the server's own passing conditions below (the database down, 503; the disk full, 507): any action that
/// touches the database or stores a file can answer them, so no action lists them.
/// </summary>
public static class ExceptionStatus
{
    public static int For(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        // Multipart and form limits (FormOptions) surface as InvalidDataException when a body exceeds them.
        InvalidDataException data when data.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) =>
            StatusCodes.Status413PayloadTooLarge,
        InvalidDataException => StatusCodes.Status400BadRequest,
        AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        // Errors by meaning (PoseGen.Core.Errors), from services and use cases that never name a status code.
        NotFoundException => StatusCodes.Status404NotFound,
        InvalidInputException => StatusCodes.Status400BadRequest,
        UnusableInputException => StatusCodes.Status422UnprocessableEntity,
        ConflictException => StatusCodes.Status409Conflict,
        TooLargeException => StatusCodes.Status413PayloadTooLarge,
        UnavailableException => StatusCodes.Status503ServiceUnavailable,
        // Busy, not broken: the caller is told when to try again (Retry-After, set by the exception handler); a user's
        // own share used up is theirs to wait out (429), the server's capacity everyone's (503).
        BusyException { Scope: BusyScope.User } => StatusCodes.Status429TooManyRequests,
        BusyException => StatusCodes.Status503ServiceUnavailable,
        ImageDecodeException image => image.Kind switch
        {
            ImageErrorKind.Empty => StatusCodes.Status400BadRequest,
            ImageErrorKind.UnsupportedFormat => StatusCodes.Status415UnsupportedMediaType,
            // Too many pixels is a property of an image we could read, not of the request size: 422, not 413.
            _ => StatusCodes.Status422UnprocessableEntity,
        },
        VideoDecodeException video => video.Kind switch
        {
            VideoErrorKind.NotAVideo => StatusCodes.Status415UnsupportedMediaType,
            VideoErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            VideoErrorKind.ToolsMissing => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status422UnprocessableEntity,
        },
        // The server's own passing conditions, not the request's fault: the database is down or restarting, the disk is
        // full.
        _ when DataFaults.IsDatabaseUnavailable(exception) => StatusCodes.Status503ServiceUnavailable,
        _ when DataFaults.IsOutOfSpace(exception) => StatusCodes.Status507InsufficientStorage,
        OperationCanceledException => 499,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>When the caller may try again, for answers that say so (Retry-After, in whole seconds).</summary>
    public static int? RetryAfterSeconds(Exception exception) => exception switch
    {
        BusyException busy => Math.Max(1, (int)Math.Ceiling(busy.RetryAfter.TotalSeconds)),
        // A restarting PostgreSQL answers again within seconds; a client retrying sooner only adds load.
        _ when DataFaults.IsDatabaseUnavailable(exception) => 5,
        _ => null,
    };

    /// <summary>
    /// Our own words for the server's passing conditions (never the provider's text, which names hosts and paths).
    /// </summary>
    public static string? FaultDetail(Exception exception) =>
        DataFaults.IsDatabaseUnavailable(exception) ? "The database is not reachable right now. Try again in a moment."
        : DataFaults.IsOutOfSpace(exception) ? "The server is out of storage, so nothing was saved. Try again later."
        : null;

    public static string Title(int status) => status switch
    {
        400 => "The request is not valid.",
        401 => "Sign in to continue.",
        403 => "You do not have access to this.",
        404 => "Not found.",
        405 => "Method not allowed.",
        413 => "The upload is too large.",
        415 => "Unsupported media type.",
        422 => "The input could not be processed.",
        429 => "Too many requests.",
        503 => "The service is not available right now.",
        507 => "The server is out of storage.",
        _ when status >= 500 => "Something went wrong on our side.",
        _ => "The request could not be completed.",
    };
}

