using Serilog;

namespace PoseGen.Web.Hosting;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog from the "Serilog" configuration section (console + rolling file in appsettings.json), plugged in as the
    /// Microsoft.Extensions.Logging provider (Serilog.AspNetCore cannot be restored here, so no UseSerilog()).
    /// </summary>
    public static WebApplicationBuilder AddPoseGenLogging(this WebApplicationBuilder builder)
    {
        ResolveFileSinkPaths(builder.Configuration, AppPaths.DataRoot(builder.Configuration));
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Filter.ByExcluding(Hubs.RefusedCallFilter.IsSignalRsCopy)
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }

    /// <summary>A relative file-sink path in appsettings means "under the data folder", wherever the app runs from.</summary>
    private static void ResolveFileSinkPaths(IConfiguration configuration, string dataRoot)
    {
        foreach (var sink in configuration.GetSection("Serilog:WriteTo").GetChildren())
        {
            var path = sink["Args:path"];
            if (sink["Name"] == "File" && path is not null && !Path.IsPathRooted(path))
                sink["Args:path"] = Path.Combine(dataRoot, path);
        }
    }
}
