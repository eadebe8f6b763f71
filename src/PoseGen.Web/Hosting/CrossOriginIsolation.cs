using Microsoft.AspNetCore.StaticFiles;

namespace PoseGen.Web.Hosting;

/// <summary>
/// Cross-origin isolation (COOP same-origin + COEP require-corp) for the Workout page only: SharedArrayBuffer, and so
/// onnxruntime-web's WASM threads, exist only in isolated documents. The onnxruntime-web files carry the same headers,
/// since its worker scripts must be isolated too. Other pages stay unisolated so nothing they embed is ever blocked.
/// </summary>
public static class CrossOriginIsolation
{
    public const string OrtWebPath = "/lib/onnxruntime-web/";

    public static void Apply(IHeaderDictionary headers)
    {
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Embedder-Policy"] = "require-corp";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
    }

    public static StaticFileOptions StaticFiles()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".wasm"] = "application/wasm";
        return new StaticFileOptions
        {
            ContentTypeProvider = types,
            OnPrepareResponse = context =>
            {
                if (context.Context.Request.Path.StartsWithSegments(OrtWebPath.TrimEnd('/'), StringComparison.Ordinal))
                    Apply(context.Context.Response.Headers);
            },
        };
    }
}
