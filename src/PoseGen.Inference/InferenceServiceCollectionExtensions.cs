using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Inference.Context;
using PoseGen.Inference.Generation;
using PoseGen.Inference.MoveNet;
using PoseGen.Inference.Onnx;
using PoseGen.Inference.Video;

namespace PoseGen.Inference;

public static class InferenceServiceCollectionExtensions
{
    /// <summary>
    /// ONNX Runtime with options from configuration section <c>Inference</c> (validated at start-up, including whether
    /// the configured execution device can be served), the shared model sessions, <see cref="IPoseDetector"/> and
    /// <see cref="PhotoPoseDetector"/> (which needs the imaging services: AddPoseGenImaging).
    /// </summary>
    public static IServiceCollection AddPoseGenInference(this IServiceCollection services)
    {
        services.AddOptions<InferenceOptions>()
            .BindConfiguration(InferenceOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ExecutionProviderSelector>();
        services.AddSingleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>();
        services.AddSingleton<OnnxModelHost>();
        services.AddSingleton<MoveNetPoseDetector>();
        services.AddSingleton<IPoseDetector>(sp => sp.GetRequiredService<MoveNetPoseDetector>());
        services.AddSingleton<PhotoPoseDetector>();
        services.AddSingleton<CenterNetObjectDetector>();
        services.AddSingleton<SelfieSegmenter>();
        services.AddSingleton<OnnxSceneClassifier>();
        services.AddSingleton<ISceneClassifier>(sp => sp.GetRequiredService<OnnxSceneClassifier>());
        services.AddOptions<VideoOptions>()
            .BindConfiguration(VideoOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<FfmpegFrameSource>();
        services.AddOptions<GenerationOptions>().BindConfiguration(GenerationOptions.SectionName);
        services.AddSingleton<StableDiffusionPipeline>();
        services.AddSingleton<IPoseImageGenerator>(sp => sp.GetRequiredService<StableDiffusionPipeline>());
        services.AddSingleton<VideoWorkoutAnalyzer>();
        return services;
    }
}
