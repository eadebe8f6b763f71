using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace PoseGen.Web.Hosting;

/// <summary>
/// Refuses a body that announces itself as too large with 413 before anything reads it, and caps streamed bodies for
/// servers that do not (Kestrel enforces the same limit on chunked bodies).
/// </summary>
public sealed class RequestSizeGuardMiddleware(RequestDelegate next, IOptions<UploadOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var max = options.Value.MaxRequestBytes;
        if (context.Request.ContentLength > max)
            throw new BadHttpRequestException(
                $"The request body is larger than the limit of {max / (1024 * 1024)} MiB.",
                StatusCodes.Status413PayloadTooLarge);
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
            feature.MaxRequestBodySize = max;
        return next(context);
    }
}
