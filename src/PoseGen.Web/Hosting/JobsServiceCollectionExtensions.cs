using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using PoseGen.Data;
using PoseGen.Web.Services.Jobs;

namespace PoseGen.Web.Hosting;

/// <summary>
/// Background jobs on Hangfire, stored beside the app's data: in the app's PostgreSQL database (schema <c>hangfire</c>)
/// when that is the provider, so every instance on it shares one set of queues and each job is fetched by one instance;
/// in a SQLite file in the data folder for the embedded default.
/// </summary>
public static class JobsServiceCollectionExtensions
{
    public const string DashboardPath = "/admin/jobs";

    public static IServiceCollection AddPoseGenJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateDataAnnotations()
            .ValidateOnStart();
        var options = configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        var poll = TimeSpan.FromSeconds(options.PollSeconds);

        // Registered before AddHangfire, whose own registrations (TryAdd) would read Hangfire's process-wide statics:
        // with several hosts in one process (the tests) those belong to whichever host configured Hangfire last.
        services.AddSingleton<JobStorage>(sp => CreateStorage(sp.GetRequiredService<DatabaseConnection>(),
            sp.GetRequiredService<DataRoot>(), poll));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(
            sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddSingleton<JobLine>();
        services.AddSingleton<AdministratorsOnlyDashboardFilter>();
        if (options.RunServer)
        {
            services.AddHangfireServer(server =>
            {
                server.Queues = JobQueues.ByPriority;
                server.WorkerCount = options.Workers;
                server.SchedulePollingInterval = poll;
                server.CancellationCheckInterval = poll;
            });
        }
        return services;
    }

    /// <summary>
    /// The dashboard, for the accounts of <c>Jobs:Administrators</c> only: signed out, the page asks for a sign-in as
    /// every private page does; signed in as anyone else, Hangfire answers 403.
    /// </summary>
    public static WebApplication MapPoseGenJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [app.Services.GetRequiredService<AdministratorsOnlyDashboardFilter>()],
            DisplayStorageConnectionString = false,
            AppPath = "/",
        }).RequireAuthorization();
        return app;
    }

    private static JobStorage CreateStorage(DatabaseConnection database, DataRoot dataRoot, TimeSpan poll)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // Sliding: a running job's claim is renewed while its server lives, so only a job whose process died
            // becomes visible again, after five minutes, however long a clip takes.
            var options = new PostgreSqlStorageOptions
            {
                QueuePollInterval = poll,
                PrepareSchemaIfNecessary = true,
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromMinutes(5),
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
        }
        Directory.CreateDirectory(dataRoot.Path);
        return new SQLiteStorage(dataRoot.JobsDatabaseFile, new SQLiteStorageOptions { QueuePollInterval = poll });
    }
}
