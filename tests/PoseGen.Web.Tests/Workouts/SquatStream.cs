using System.Net.Http.Headers;
using System.Text.Json;
using PoseGen.Application.Workouts;
using PoseGen.Core.Poses;
using PoseGen.TestSupport;
using PoseGen.Web.Services.Workouts;

namespace PoseGen.Web.Tests.Workouts;

/// <summary>
/// Real standing and squat-bottom keypoints of one person in one camera setup (the squat_*_a fixture photos, detected
/// by the app's own lightning model), in the frame's pixels, as the page's model would report them.
/// </summary>
internal sealed record SquatPoses(int Width, int Height, float[] Standing, float[] Bottom)
{
    public static async Task<SquatPoses> DetectAsync(HttpClient api)
    {
        var (width, height, standing) = await DetectAsync(api, "squat_stand_a.jpg");
        var (bottomWidth, bottomHeight, bottom) = await DetectAsync(api, "squat_bottom_a.jpg");
        Assert.Equal((width, height), (bottomWidth, bottomHeight));
        return new SquatPoses(width, height, standing, bottom);
    }

    private static async Task<(int Width, int Height, float[] Keypoints)> DetectAsync(HttpClient api, string fixture)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(RepoPaths.Fixture("pairs", fixture)));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "image", fixture);
        var response = await api.PostAsync("/api/v1/poses/detect?model=lightning", content);
        response.EnsureSuccessStatusCode();
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var keypoints = body.GetProperty("people")[0].GetProperty("keypoints").EnumerateArray()
            .SelectMany(k => new[] { k.GetProperty("x").GetSingle(), k.GetProperty("y").GetSingle(),
                k.GetProperty("score").GetSingle() })
            .ToArray();
        Assert.Equal(CocoKeypoints.Count * 3, keypoints.Length);
        return (body.GetProperty("imageWidth").GetInt32(), body.GetProperty("imageHeight").GetInt32(), keypoints);
    }
}

/// <summary>
/// A live keypoint stream at <see cref="Fps"/> on the page's clock (seconds since the session started, kept across
/// reconnects): held poses and squats interpolated standing -> bottom -> standing with a cosine ease.
/// </summary>
internal sealed class SquatStream(SquatPoses poses)
{
    public const double Fps = 15;

    private int _frame;

    /// <summary>
    /// The settle-in the counter waits for (0.6 s of stillness) with room to spare, then <paramref name="reps"/>
    /// squats.
    /// </summary>
    public LiveFrame[] SettleAndSquat(int reps) => [.. Stand(1.5), .. Squats(reps)];

    /// <summary>Squats of 2 s each, every one followed by a 0.5 s pause standing.</summary>
    public LiveFrame[] Squats(int reps) => [.. Enumerable.Range(0, reps)
        .SelectMany(_ => (LiveFrame[])[.. Squat(2), .. Stand(0.5)])];

    public IEnumerable<LiveFrame> Stand(double seconds) => Frames(seconds, _ => 0);

    public IEnumerable<LiveFrame> Squat(double seconds) => Frames(seconds,
        s => (1 - Math.Cos(2 * Math.PI * s / seconds)) / 2);

    private IEnumerable<LiveFrame> Frames(double seconds, Func<double, double> depth)
    {
        var count = (int)Math.Round(seconds * Fps);
        for (var i = 0; i < count; i++)
        {
            var d = (float)depth(i / Fps);
            var k = new float?[poses.Standing.Length];
            for (var j = 0; j < k.Length; j++)
                k[j] = poses.Standing[j] + ((poses.Bottom[j] - poses.Standing[j]) * d);
            yield return new LiveFrame(_frame++ / Fps, poses.Width, poses.Height, k);
        }
    }
}
