using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Inference.Context;
using PoseGen.Inference.Generation;
using PoseGen.Inference.MoveNet;
using PoseGen.Inference.Onnx;
using PoseGen.Inference.Scheduling;
using PoseGen.Inference.Video;

namespace PoseGen.Inference;

public static class InferenceServiceCollectionExtensions
{
    /// <summary>
    /// ONNX Runtime with options from configuration section <c>Inference</c> (validated at start-up, including whether
    /// the configured execution device can be served), the shared model sessions, and the adapters of Core's ports:
    /// <see cref="IPoseDetector"/> (also one keyed <see cref="InferencePriority.Background"/> for the video jobs),
    /// <see cref="IInferenceScheduler"/>, <see cref="IVideoFrameSource"/>, <see cref="ISceneClassifier"/>,
    /// <see cref="IPoseImageGenerator"/>, <see cref="IPoseModelFiles"/>, all running their models on one
    /// <see cref="InferenceScheduler"/> (section <c>Inference:Scheduler</c>).
    /// </summary>
    public static IServiceCollection AddPoseGenInference(this IServiceCollection services)
    {
        services.AddOptions<InferenceOptions>()
            .BindConfiguration(InferenceOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ExecutionProviderSelector>();
        services.AddSingleton<OnnxSessionFactory>();
        services.AddSingleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>();
        // What the use cases read of these settings, as Core's type (the photo working size, the keypoint threshold).
        services.AddOptions<PoseDetectionSettings>().Configure<IOptions<InferenceOptions>>((settings, inference) =>
        {
            settings.DetectionMaxSide = inference.Value.DetectionMaxSide;
            settings.KeypointThreshold = inference.Value.KeypointThreshold;
        });
        services.AddSingleton<OnnxModelHost>();
        services.AddSingleton<IPoseModelFiles, PoseModelFiles>();
        services.AddOptions<InferenceSchedulerOptions>()
            .BindConfiguration(InferenceSchedulerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InferenceScheduler>();
        services.AddSingleton<IInferenceScheduler>(sp => sp.GetRequiredService<InferenceScheduler>());
        services.AddSingleton<MoveNetPoseDetector>();
        // Every model run goes through the scheduler: interactive callers get this detector, the video jobs their own
        // background one (below). Models called inside a scheduled job (the scene classifier's) use MoveNet directly.
        services.AddSingleton<IPoseDetector>(sp => new ScheduledPoseDetector(
            sp.GetRequiredService<MoveNetPoseDetector>(), sp.GetRequiredService<InferenceScheduler>(),
            InferencePriority.Interactive));
        services.AddSingleton<CenterNetObjectDetector>();
        services.AddSingleton<SelfieSegmenter>();
        services.AddSingleton<OnnxSceneClassifier>();
        services.AddSingleton<ISceneClassifier, ScheduledSceneClassifier>();
        services.AddOptions<VideoOptions>()
            .BindConfiguration(VideoOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<FfmpegFrameSource>();
        services.AddSingleton<IVideoFrameSource>(sp => sp.GetRequiredService<FfmpegFrameSource>());
        services.AddOptions<GenerationOptions>().BindConfiguration(GenerationOptions.SectionName);
        services.AddSingleton<StableDiffusionPipeline>();
        services.AddSingleton<IPoseImageGenerator>(sp => sp.GetRequiredService<StableDiffusionPipeline>());
        // The video jobs' detector: the same models, queued behind interactive work.
        services.AddKeyedSingleton<IPoseDetector>(InferencePriority.Background, (sp, _) => new ScheduledPoseDetector(
            sp.GetRequiredService<MoveNetPoseDetector>(), sp.GetRequiredService<InferenceScheduler>(),
            InferencePriority.Background));
        return services;
    }
}
