using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PoseGen.Imaging.Tests.TestData;

namespace PoseGen.Imaging.Tests;

public sealed class ImagingServiceCollectionExtensionsTests
{
    [Fact]
    public void RegistersOneCodecConfiguredFromTheImagingSection()
    {
        using var provider = Build(new() { ["Imaging:MaxPixels"] = "50000" });

        var codec = provider.GetRequiredService<IImageCodec>();

        Assert.Same(codec, provider.GetRequiredService<IImageCodec>());
        Assert.Equal(50_000, codec.Info.MaxPixels);
        Assert.StartsWith("8.", codec.Info.Version, StringComparison.Ordinal);
        Assert.True(codec.Info.Concurrency >= 1);
        var error = Assert.Throws<ImageDecodeException>(() => codec.Decode(Fixtures.Read("mpii_004645041.jpg")));
        Assert.Equal(ImageErrorKind.TooLarge, error.Kind);
    }

    [Fact]
    public void DefaultLimitIsFortyMegapixels()
    {
        using var provider = Build([]);

        Assert.Equal(40_000_000, provider.GetRequiredService<IImageCodec>().Info.MaxPixels);
    }

    [Fact]
    public void RejectsANonPositivePixelLimit()
    {
        using var provider = Build(new() { ["Imaging:MaxPixels"] = "0" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ImagingOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddPoseGenImaging();
        return services.BuildServiceProvider();
    }
}
