using Microsoft.Extensions.DependencyInjection;
using PoseGen.Core.Abstractions;

namespace PoseGen.Imaging;

public static class ImagingServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ImagingOptions"/> to the "Imaging" section and registers the libvips codec as a singleton (also
    /// as the use cases' <see cref="IImageDecoder"/>).
    /// </summary>
    public static IServiceCollection AddPoseGenImaging(this IServiceCollection services,
        Action<ImagingOptions>? configure = null)
    {
        var options = services.AddOptions<ImagingOptions>()
            .BindConfiguration(ImagingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
            options.Configure(configure);
        services.AddSingleton<IImageCodec, LibvipsImageCodec>();
        services.AddSingleton<IImageDecoder>(sp => sp.GetRequiredService<IImageCodec>());
        return services;
    }
}
