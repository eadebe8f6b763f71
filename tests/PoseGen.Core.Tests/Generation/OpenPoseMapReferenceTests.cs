using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using PoseGen.Core.Generation;
using PoseGen.Core.Poses;

namespace PoseGen.Core.Tests.Generation;

/// <summary>
/// Random poses (some joints missing) rendered by real OpenCV 4.6 following the annotator's procedure
/// (TestData/make_reference.py); ours must agree pixel for pixel.
/// </summary>
public sealed class OpenPoseMapReferenceTests
{
    private static readonly string DataDir = Path.Combine(
        typeof(OpenPoseMapReferenceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "PoseGenRoot").Value!,
        "tests", "PoseGen.Core.Tests", "Generation", "TestData");

    private sealed record Case(string File, int Width, int Height, float[]?[] Joints);

    private sealed record Reference(string Opencv, Case[] Cases);

    public static TheoryData<int> CaseIndices() => [.. Enumerable.Range(0, 8)];

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void MatchesOpenCvPixelForPixel(int index)
    {
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        var reference = JsonSerializer.Deserialize<Reference>(File.ReadAllText(
            Path.Combine(DataDir, "openpose_reference.json")), options)!;
        var c = reference.Cases[index];
        var joints = c.Joints.Select(j => j is null ? default : new Keypoint(j[0], j[1], 1)).ToArray();

        var image = OpenPoseMapRenderer.Render(c.Width, c.Height, joints);

        using var gz = new GZipStream(File.OpenRead(Path.Combine(DataDir, c.File + ".gz")), CompressionMode.Decompress);
        using var expected = new MemoryStream();
        gz.CopyTo(expected);
        var want = expected.ToArray();
        Assert.Equal(want.Length, image.Pixels.Length);
        var mismatches = Enumerable.Range(0, want.Length / 3)
            .Where(p => want[p * 3] != image.Pixels[p * 3] || want[p * 3 + 1] != image.Pixels[p * 3 + 1]
                || want[p * 3 + 2] != image.Pixels[p * 3 + 2])
            .Select(p => (X: p % c.Width, Y: p / c.Width)).ToList();
        Assert.True(mismatches.Count == 0,
            $"{mismatches.Count} pixels differ, first at {string.Join(" ", mismatches.Take(8))}");
    }
}
