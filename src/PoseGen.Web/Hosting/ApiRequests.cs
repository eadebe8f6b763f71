namespace PoseGen.Web.Hosting;

/// <summary>
/// Whether a request is for the JSON API (under /api): problem details and 401/403 instead of pages and redirects.
/// </summary>
public static class ApiRequests
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api",
        StringComparison.OrdinalIgnoreCase);

    public static bool IsApi(string path) => new PathString(path).StartsWithSegments("/api",
        StringComparison.OrdinalIgnoreCase);
}
