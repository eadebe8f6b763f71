using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PoseGen.Data;
using PoseGen.Inference.Video;
using PoseGen.Web.Hosting;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Hosting;

/// <summary>
/// /health's ffmpeg check starts one ffmpeg process per five minutes, not one per read: a process start took /health
/// past 200 ms while the models kept both cores busy.
/// </summary>
public sealed class FfmpegHealthCheckTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("posegen-ffmpeg-check-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string StartsFile => Path.Combine(_folder.FullName, "starts");

    private string MissingFlag => Path.Combine(_folder.FullName, "missing");

    private int Starts => File.Exists(StartsFile) ? File.ReadAllLines(StartsFile).Length : 0;

    [Fact]
    public async Task HealthStartsFfmpegOnceForManyReads()
    {
        using var factory = new PoseGenWebFactory(DatabaseProvider.Sqlite) { Settings =
            { ["Video:Ffmpeg"] = FakeFfmpeg() } };
        var client = factory.CreateClient();

        for (var i = 0; i < 4; i++)
        {
            using var health = JsonDocument.Parse(await client.GetStringAsync("/health"));
            var ffmpeg = health.RootElement.GetProperty("checks").GetProperty("ffmpeg");
            Assert.Equal("ffmpeg 9.9-test", ffmpeg.GetProperty("description").GetString());
        }

        Assert.Equal(1, Starts);
    }

    [Fact]
    public async Task LooksAgainAfterFiveMinutesAndAnswersWithTheLastResultMeanwhile()
    {
        var clock = new ManualClock();
        var check = new FfmpegHealthCheck(new FfmpegFrameSource(
            Options.Create(new VideoOptions { Ffmpeg = FakeFfmpeg() })), clock);
        var context = new HealthCheckContext();
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(context)).Status);
        await File.WriteAllTextAsync(MissingFlag, "");

        clock.Advance(FfmpegHealthCheck.RecheckAfter - TimeSpan.FromSeconds(1));
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(context)).Status);
        Assert.Equal(1, Starts);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(context)).Status);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await check.CheckHealthAsync(context)).Status != HealthStatus.Degraded && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Equal(HealthStatus.Degraded, (await check.CheckHealthAsync(context)).Status);
        Assert.Equal(2, Starts);
    }

    /// <summary>
    /// A stand-in ffmpeg: notes each start and answers -version as ffmpeg does, or fails once "missing" exists.
    /// </summary>
    private string FakeFfmpeg()
    {
        var path = Path.Combine(_folder.FullName, "ffmpeg");
        File.WriteAllText(path, $"""
            #!/bin/sh
            echo start >> '{StartsFile}'
            [ -f '{MissingFlag}' ] && exit 1
            echo 'ffmpeg version 9.9-test Copyright (c) 2000-2026 the FFmpeg developers'
            exit 0

            """);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
