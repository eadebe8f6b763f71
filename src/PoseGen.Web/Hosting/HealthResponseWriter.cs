using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PoseGen.Web.Hosting;

/// <summary>
/// GET /health as JSON: overall status and, per check, its status and description; signed-in callers also get each
/// check's data (versions, device, model states). Nothing in it names a server path or carries a library's error text.
/// </summary>
public static class HealthResponseWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var detailed = context.User.Identity?.IsAuthenticated == true;
        var body = new
        {
            status = report.Status.ToString(),
            totalMs = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description,
                    data = detailed ? e.Value.Data : null }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
