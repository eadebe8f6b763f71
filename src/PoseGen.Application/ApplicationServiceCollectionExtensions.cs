using Microsoft.Extensions.DependencyInjection;
using PoseGen.Application.Photos;
using PoseGen.Application.Workouts;
using PoseGen.Core.Abstractions;

namespace PoseGen.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>
    /// The use cases. They need the ports' adapters: <see cref="IImageDecoder"/> (AddPoseGenImaging),
    /// <see cref="IPoseDetector"/>, <see cref="IInferenceScheduler"/> and <see cref="IVideoFrameSource"/>
    /// (AddPoseGenInference), and a detector keyed <see cref="InferencePriority.Background"/> for the video jobs.
    /// </summary>
    public static IServiceCollection AddPoseGenApplication(this IServiceCollection services)
    {
        services.AddSingleton<PhotoPoseDetector>();
        services.AddSingleton(sp => new VideoWorkoutAnalyzer(
            sp.GetRequiredService<IVideoFrameSource>(),
            sp.GetRequiredKeyedService<IPoseDetector>(InferencePriority.Background)));
        return services;
    }
}
