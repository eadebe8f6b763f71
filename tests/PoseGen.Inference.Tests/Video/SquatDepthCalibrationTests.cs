using Microsoft.Extensions.DependencyInjection;
using PoseGen.Application.Photos;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Poses;
using PoseGen.Core.Workouts;
using PoseGen.Inference.Tests.Support;
using Xunit.Abstractions;

namespace PoseGen.Inference.Tests.Video;

/// <summary>
/// The front-view squat depth check on real photos of two people, two cameras (fixtures pairs/squat_stand_* and
/// squat_bottom_*: frames of two squat videos at standing and at the bottom): each bottom keeps at most the catalog's
/// limit of the standing hip height above the ankles, so both count as deep enough (a: 0.62-0.63, b: 0.54-0.56).
/// </summary>
public sealed class SquatDepthCalibrationTests(ModelFixture models,
    ITestOutputHelper output) : IClassFixture<ModelFixture>
{
    private static readonly CheckDefinition FrontDepth = ExerciseCatalog.Default.Get("squat").Views
        .Single(v => v.Views.Contains(CameraView.Front)).Checks.Single(c => c.Id == "depth");

    [Theory]
    [InlineData("a", PoseModelKind.Lightning)]
    [InlineData("a", PoseModelKind.Thunder)]
    [InlineData("b", PoseModelKind.Lightning)]
    [InlineData("b", PoseModelKind.Thunder)]
    public async Task FixtureSquatBottomsAreDeepEnoughSeenFromTheFront(string person, PoseModelKind model)
    {
        Assert.True(FrontDepth.RelativeToStart);
        Assert.Equal(["ankle", "hip"], FrontDepth.Measure!.Joints);
        var standing = await HipHeight($"squat_stand_{person}.jpg", model);
        var bottom = await HipHeight($"squat_bottom_{person}.jpg", model);
        output.WriteLine(
            $"{person} {model}: hips {standing:F1} px above the ankles standing, {bottom:F1} px at the bottom " +
            $"({bottom / standing:F3})");

        Assert.InRange(bottom / standing, 0.4, FrontDepth.AtMost!.Value);
    }

    private async Task<double> HipHeight(string file, PoseModelKind model)
    {
        var detector = models.Services.GetRequiredService<PhotoPoseDetector>();
        var result = await detector.DetectAsync(await File.ReadAllBytesAsync(
            Path.Combine(TestHost.FixturesDir, "pairs", file)), model, CancellationToken.None);
        var k = Assert.Single(result.People).Keypoints;
        Assert.All(new[] { CocoKeypoint.LeftHip, CocoKeypoint.RightHip, CocoKeypoint.LeftAnkle,
            CocoKeypoint.RightAnkle },
            j => Assert.True(k[(int)j].Score >= 0.3f, $"{file}: {j} not seen"));
        return ((k[(int)CocoKeypoint.LeftAnkle].Y + k[(int)CocoKeypoint.RightAnkle].Y) / 2)
            - ((k[(int)CocoKeypoint.LeftHip].Y + k[(int)CocoKeypoint.RightHip].Y) / 2);
    }
}
