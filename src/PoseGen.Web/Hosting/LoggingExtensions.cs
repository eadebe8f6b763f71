using Serilog;

namespace PoseGen.Web.Hosting;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog (Serilog.AspNetCore) from the "Serilog" configuration section: console + rolling file in
    /// appsettings.json. The logger is built from the host's final configuration when the service provider is built, so
    /// settings added later (a test host's file path) apply too. The host's ILogger&lt;T&gt; write through that logger,
    /// not Serilog's static Log.Logger (preserveStaticLogger): the static one belongs to the last host built and is
    /// silenced when any host stops, so with several hosts in one process (the tests) a worker's events went to another
    /// host's files or nowhere.
    /// </summary>
    public static WebApplicationBuilder AddPoseGenLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            ResolveFileSinkPaths(configuration, AppPaths.DataRoot(configuration).Path);
            logger.ReadFrom.Configuration(configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Filter.ByExcluding(Hubs.RefusedCallFilter.IsSignalRsCopy);
        });
        return builder;
    }

    /// <summary>
    /// One line per request (method, path, status, elapsed), with the signed-in user's id when there is one.
    /// </summary>
    public static WebApplication UsePoseGenRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            // This host's own logger: left unset, the middleware writes through Serilog's static Log.Logger, which the
            // last host to start owns (several test hosts run at once; their request lines went to each other's files).
            options.Logger = app.Services.GetService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                if (http.User.Identity?.IsAuthenticated == true && http.User.FindFirst(
                    System.Security.Claims.ClaimTypes.NameIdentifier) is { } id)
                    diagnostics.Set("UserId", id.Value);
            };
        });
        return app;
    }

    /// <summary>
    /// A relative file-sink path in appsettings means "under the data folder", wherever the app runs from.
    /// </summary>
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
