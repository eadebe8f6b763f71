using Microsoft.Extensions.DependencyInjection.Extensions;
using PoseGen.Application.Workouts;
using PoseGen.Web.Services.Workouts;

namespace PoseGen.Web.Hosting;

public static class ScaleOutServiceCollectionExtensions
{
    /// <summary>
    /// Several instances behind a load balancer: with Redis:Configuration set, SignalR sends hub messages through Redis
    /// so that a push from one instance (a generation job's progress) reaches the owner's connection on any other, live
    /// workout sessions are kept in Redis so that a reconnect to any instance resumes them, and /health checks Redis.
    /// Without it nothing changes. (Data and the data-protection keys are shared through the database.)
    /// </summary>
    public static IServiceCollection AddPoseGenScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateDataAnnotations()
            .ValidateOnStart();
        var redis = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        if (!redis.IsEnabled || redis.Validate(new(redis)).Any())
            return services; // an invalid setting is reported by ValidateOnStart, which stops start-up
        services.AddSignalR().AddStackExchangeRedis(options => options.Configuration = redis.ConnectionOptions());
        services.AddSingleton<RedisConnection>();
        services.Replace(ServiceDescriptor.Singleton<ILiveSessionStore, RedisLiveSessionStore>());
        services.AddSingleton<RedisHealthCheck>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return services;
    }
}
