using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PoseGen.Web.Hosting;

/// <summary>
/// Transport security, security headers, forwarded headers, the fallback authorization policy and rate limits.
/// </summary>
public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddPoseGenSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations()
            .ValidateOnStart();
        var settings = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>()
            ?? new SecurityOptions();

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in settings.KnownProxies)
                options.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddPoseGenRateLimits();
        return services;
    }

    /// <summary>
    /// First in the pipeline: forwarded headers (when trusted), HSTS and https redirection (outside Development),
    /// headers.
    /// </summary>
    public static WebApplication UsePoseGenTransportSecurity(this WebApplication app)
    {
        var settings = app.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>()
            ?? new SecurityOptions();
        if (settings.ForwardedHeaders)
            app.UseForwardedHeaders();
        if (settings.RequireHttps && !app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseSecurityHeaders();
        return app;
    }
}
