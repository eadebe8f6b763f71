using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Imaging;
using PoseGen.Imaging;
using PoseGen.Inference.Onnx;

namespace PoseGen.Inference.Tests.Support;

/// <summary>One started host with the real converted models and the libvips codec, shared by a test class.</summary>
public sealed class ModelFixture : IAsyncLifetime
{
    private IHost? _host;

    public IServiceProvider Services => _host!.Services;
    public IPoseDetector Detector => Services.GetRequiredService<IPoseDetector>();
    public OnnxModelHost Models => Services.GetRequiredService<OnnxModelHost>();
    public IImageCodec Codec => Services.GetRequiredService<IImageCodec>();

    public RgbImage Photo(string fileName) =>
        Codec.Decode(File.ReadAllBytes(Path.Combine(TestHost.FixturesDir, "people", fileName)));

    public async Task InitializeAsync()
    {
        var (built, _) = TestHost.Build(new Dictionary<string, string?> { ["Inference:Device"] = "Cpu" },
            configure: s => s.AddPoseGenImaging());
        _host = built;
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is null)
            return;
        await _host.StopAsync();
        _host.Dispose();
    }
}
