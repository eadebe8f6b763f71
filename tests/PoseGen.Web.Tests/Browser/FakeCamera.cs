using System.Diagnostics;
using PoseGen.TestSupport;

namespace PoseGen.Web.Tests.Browser;

/// <summary>
/// A fixture clip converted with ffmpeg into the raw YUV4MPEG (yuv420p) file Chromium's fake camera plays in a loop,
/// in a temporary folder removed on dispose. Scaled to 360 px wide at 10 fps, the rate the server-side analysis
/// samples.
/// </summary>
public sealed class FakeCamera : IDisposable
{
    private readonly string _folder;

    private FakeCamera(string folder, string path)
    {
        _folder = folder;
        FilePath = path;
    }

    public string FilePath { get; }

    /// <summary>Chromium switches: grant camera prompts and feed the fake camera from <see cref="FilePath"/>.</summary>
    public string[] ChromiumArgs =>
        ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            $"--use-file-for-fake-video-capture={FilePath}"];

    public static async Task<FakeCamera> FromFixtureAsync(string videoFile)
    {
        var folder = Directory.CreateTempSubdirectory("posegen-camera-").FullName;
        var path = Path.Combine(folder, Path.ChangeExtension(videoFile, ".y4m"));
        try
        {
            using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg")
            {
                ArgumentList = { "-v", "error", "-y", "-i", RepoPaths.Fixture("videos", videoFile), "-vf",
                    "scale=360:-2,fps=10", "-pix_fmt", "yuv420p", path },
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("ffmpeg did not start.");
            var errors = await ffmpeg.StandardError.ReadToEndAsync();
            await ffmpeg.WaitForExitAsync();
            if (ffmpeg.ExitCode != 0)
                throw new InvalidOperationException($"ffmpeg failed ({ffmpeg.ExitCode}): {errors}");
            return new FakeCamera(folder, path);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
