using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using PoseGen.Web.Services;

namespace PoseGen.Web.Hosting;

public static class WebServiceCollectionExtensions
{
    /// <summary>MVC, problem details, OpenAPI, health checks, upload limits and the application services.</summary>
    public static IServiceCollection AddPoseGenWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddControllersWithViews(options =>
            {
                options.Filters.Add<CookieAntiforgeryFilter>();
                options.Filters.Add(new BodyShapeFilter());
            })
            .AddJsonOptions(options =>
            {
                options.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(
                    System.Text.Json.JsonNamingPolicy.CamelCase));
                // A body that does not parse names the field ("$.goals[0]") without the serializer's text, which names
                // internal types.
                options.AllowInputFormatterExceptionMessages = false;
            });
        services.AddAntiforgery(options => options.HeaderName = "RequestVerificationToken");
        services.AddProblemDetails();
        services.AddExceptionHandler<PoseGenExceptionHandler>();
        services.AddOpenApi();
        // One instance for the app's life: it keeps ffmpeg's answer between reads (the others hold nothing).
        services.AddSingleton<FfmpegHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<LibvipsHealthCheck>("libvips")
            .AddCheck<OnnxRuntimeHealthCheck>("onnxruntime")
            .AddCheck<ModelsHealthCheck>("models")
            .AddCheck<FfmpegHealthCheck>("ffmpeg");

        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section);
        var uploads = configuration.GetSection(UploadOptions.Section).Get<UploadOptions>() ?? new UploadOptions();
        services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = uploads.MaxRequestBytes);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options =>
            options.Limits.MaxRequestBodySize = uploads.MaxRequestBytes);

        // Keys in the database, so sign-in cookies and tokens survive restarts and every instance on the same database
        // reads what any other issued. Keys once written to the data folder's keys/ are not read any more.
        services.AddDataProtection().SetApplicationName("PoseGen")
            .PersistKeysToDbContext<PoseGen.Data.PoseGenDbContext>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ProfileService>();
        services.AddScoped<HistoryService>();
        services.AddScoped<HistoryDeletionService>();
        services.AddScoped<HistoryExportService>();
        services.AddHostedService<HistoryPurgeSweeper>();
        services.AddScoped<DashboardService>();
        services.AddScoped<DataExportService>();
        services.AddScoped<PoseAnalysisService>();
        // The library is immutable data built once; the recommender caches pose similarities, so both live for the
        // process.
        services.AddSingleton(PoseGen.Core.Library.PoseLibrary.Default);
        services.AddSingleton<PoseGen.Core.Recommendations.PoseRecommender>();
        services.AddScoped<PoseFeedbackService>();
        services.AddScoped<NextPoseService>();
        services.AddScoped<RecommendationService>();
        services.AddScoped<ContextClassificationService>();
        services.AddScoped<CompareService>();
        services.AddSingleton<Services.Workouts.WorkoutVideoStore>();
        services.AddScoped<Services.Workouts.WorkoutJobService>();
        services.AddSignalR(options =>
        {
            options.MaximumReceiveMessageSize = 256 * 1024;
            options.AddFilter<Hubs.RefusedCallFilter>();
        });
        // One instance keeps live sessions in memory only; AddPoseGenScaleOut replaces the store with Redis.
        services.AddSingleton<Application.Workouts.ILiveSessionStore, Application.Workouts.InProcessLiveSessionStore>();
        services.AddSingleton<Application.Workouts.LiveWorkoutSessions>();
        services.AddHostedService<Services.Workouts.LiveWorkoutSweeper>();
        AddGeneration(services);
        return services;
    }

    /// <summary>
    /// Generation jobs. The generator itself (IPoseImageGenerator) is registered by the Inference layer when the
    /// pipeline is built in; the services resolve it as optional and treat its absence as "not installed".
    /// </summary>
    private static void AddGeneration(IServiceCollection services)
    {
        // AddSignalR is idempotent (TryAdd inside), so another feature registering it as well is harmless.
        services.AddSignalR();
        services.AddOptions<Services.Generation.GenerationQueueOptions>()
            .BindConfiguration(Services.Generation.GenerationQueueOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Services.Generation.GenerationLive>();
        services.AddScoped<Services.Generation.GenerationPoseResolver>();
        services.AddScoped<Services.Generation.GenerationJobService>();
    }
}
