namespace PoseGen.Web.Hosting;

/// <summary>
/// Response headers every page and API answer carries: no MIME sniffing, no referrer beyond the origin, no framing by
/// other sites, camera and microphone for this origin only, and a Content-Security-Policy that the pages live with.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from this origin (no inline script: page data travels in JSON script blocks, which are not run);
    /// 'wasm-unsafe-eval' because the workout page compiles onnxruntime-web's WebAssembly; workers from this origin or
    /// blob URLs (onnxruntime-web's threads); images, video and fetches from this origin, data: and blob: (canvas
    /// snapshots, local previews); SignalR over this origin's WebSocket ('self' covers ws/wss of the same host). Inline
    /// style attributes stay allowed: a few progress bars and badges set them, and styles cannot run code.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' " +
        "'unsafe-inline'; " +
        "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; font-src 'self' data:; object-src " +
        "'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void Apply(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
    }

    /// <summary>Adds the headers to every response, errors and static files included.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context.Response.Headers);
                return Task.CompletedTask;
            });
            return next(context);
        });
}
