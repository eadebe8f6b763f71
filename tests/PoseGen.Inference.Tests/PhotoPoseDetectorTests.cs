using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PoseGen.Application.Photos;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Imaging;
using PoseGen.Imaging;
using PoseGen.Inference.Tests.Support;

namespace PoseGen.Inference.Tests;

/// <summary>
/// A photo's decode runs on an inference worker, as its model runs do: decoded on the request thread pool, many large
/// uploads at once left no thread for light requests such as /health.
/// </summary>
public sealed class PhotoPoseDetectorTests
{
    [Fact]
    public async Task DecodesThePhotoOnAnInferenceWorkerNotOnTheCallersThread()
    {
        ThreadRecordingCodec? codec = null;
        var (host, _) = TestHost.Build(new Dictionary<string, string?> { ["Inference:Device"] = "Cpu" },
            configure: services =>
        {
            services.AddPoseGenImaging();
            services.AddSingleton<IImageCodec>(sp => codec = new ThreadRecordingCodec(
                ActivatorUtilities.CreateInstance<LibvipsImageCodec>(sp)));
        });
        using (host)
        {
            await host.StartAsync();
            var photos = host.Services.GetRequiredService<PhotoPoseDetector>();
            var jpeg = await File.ReadAllBytesAsync(Path.Combine(TestHost.FixturesDir, "people", "mpii_004645041.jpg"));

            var result = await photos.DetectAsync(jpeg, PoseModelKind.Thunder, CancellationToken.None);

            Assert.NotEmpty(result.People);
            Assert.NotNull(codec);
            Assert.StartsWith("inference-", codec.DecodedOn ?? "(a thread without a name)", StringComparison.Ordinal);
            await host.StopAsync();
        }
    }

    /// <summary>The real codec, noting the thread that decoded for analysis.</summary>
    private sealed class ThreadRecordingCodec(IImageCodec inner) : IImageCodec
    {
        public string? DecodedOn { get; private set; }

        public LibvipsInfo Info => inner.Info;

        public AnalysisImage DecodeForAnalysis(ReadOnlySpan<byte> encoded, int maxSide)
        {
            DecodedOn = Thread.CurrentThread.Name;
            return inner.DecodeForAnalysis(encoded, maxSide);
        }

        public ImageProbe Probe(ReadOnlySpan<byte> encoded) => inner.Probe(encoded);

        public RgbImage Decode(ReadOnlySpan<byte> encoded) => inner.Decode(encoded);

        public RgbImage DecodeThumbnail(ReadOnlySpan<byte> encoded, int maxWidth, int maxHeight,
            ThumbnailFit fit = ThumbnailFit.Inside) =>
            inner.DecodeThumbnail(encoded, maxWidth, maxHeight, fit);

        public RgbImage Resize(RgbImage image, int width, int height) => inner.Resize(image, width, height);

        public RgbImage Thumbnail(RgbImage image, int maxWidth, int maxHeight,
            ThumbnailFit fit = ThumbnailFit.Inside) =>
            inner.Thumbnail(image, maxWidth, maxHeight, fit);

        public RgbImage Crop(RgbImage image, int left, int top, int width, int height) =>
            inner.Crop(image, left, top, width, height);

        public byte[] Encode(RgbImage image, EncodeFormat format, int quality = 85,
            ChromaSubsampling chroma = ChromaSubsampling.Auto) =>
            inner.Encode(image, format, quality, chroma);

        public RgbImage RenderSvg(string svg, RgbColor background) => inner.RenderSvg(svg, background);
    }
}
