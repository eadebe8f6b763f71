using System.Reflection;
using PoseGen.Core.Poses;
using PoseGen.Core.Poses.Alignment;
using PoseGen.Core.Poses.Alignment.Evaluation;

namespace PoseGen.Core.Tests.Poses;

public class DistortionProtocolTests
{
    /// <summary>
    /// posedata.txt beside the repository (main checkout) or beside the worktrees folder (helper worktrees).
    /// </summary>
    private static string PoseDataPath()
    {
        var root = typeof(DistortionProtocolTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "PoseGenRoot").Value!;
        return new[] { "..", "../.." }
            .Select(up => Path.GetFullPath(Path.Combine(root, up, "shared", "fixtures", "poses", "posedata.txt")))
            .First(File.Exists);
    }

    private static readonly (double X, double Y)[] Body =
    [
        (0.50, 0.20), (0.50, 0.30), (0.42, 0.30), (0.38, 0.42), (0.36, 0.52), (0.58, 0.30), (0.62, 0.42),
        (0.64, 0.52), (0.45, 0.55), (0.45, 0.70), (0.45, 0.85), (0.55, 0.55), (0.55, 0.70), (0.55, 0.85),
    ];

    [Fact]
    public void ReadsTheFixtureAndTakesTheLast113CompletePosesCentred()
    {
        var poses = PoseDataFile.Parse(File.ReadAllText(PoseDataPath()));
        Assert.Equal(809, poses.Count);
        Assert.Equal(593, PoseDataFile.Complete(poses, 14).Count);
        var test = DistortionProtocol.TestSplit(poses);
        Assert.Equal(113, test.Count);
        Assert.All(test, p => Assert.Equal(14, p.Length));
        Assert.All(test, p => Assert.Equal(0, p.Average(j => j.X), 1e-9));
        var lastComplete = PoseDataFile.Complete(poses, 14)[^1];
        Assert.Equal(lastComplete[0].X - lastComplete.Average(j => j.X), test[^1][0].X, 1e-12);
    }

    [Fact]
    public void ParsesMissingJointsAndRejectsShortRows()
    {
        var row = string.Join(",", Enumerable.Repeat("0.5", 34).Append("-1").Append("-1"));
        var pose = PoseDataFile.Parse(row + "\n")[0];
        Assert.Equal((-1.0, -1.0), pose[17]);
        Assert.Throws<FormatException>(() => PoseDataFile.Parse("0.1,0.2"));
    }

    [Fact]
    public void PitchYawIsTheSeedsOrthographicCameraTurn()
    {
        var turned = DistortionProtocol.ApplyGlobal(Body, GlobalDistortion.PitchYaw, tilt: 0, turn: 0.6);
        var (mx, my) = (Body.Average(p => p.X), Body.Average(p => p.Y));
        for (var i = 0; i < Body.Length; i++)
        {
            Assert.Equal(mx + ((Body[i].X - mx) * Math.Cos(0.6)), turned[i].X, 1e-12);
            Assert.Equal(Body[i].Y, turned[i].Y, 1e-12);
        }
        var tilted = DistortionProtocol.ApplyGlobal(Body, GlobalDistortion.PitchYaw, tilt: 0.4, turn: 0.3);
        Assert.Equal(mx + ((Body[0].X - mx) * Math.Cos(0.3)) + ((Body[0].Y - my) * Math.Sin(0.4) * Math.Sin(0.3)),
            tilted[0].X, 1e-12);
        Assert.Equal(my + ((Body[0].Y - my) * Math.Cos(0.4)), tilted[0].Y, 1e-12);
    }

    [Fact]
    public void RollYawRollIsARigidInPlaneRotation()
    {
        var rolled = DistortionProtocol.ApplyGlobal(Body, GlobalDistortion.RollYaw, tilt: 0.7, turn: 0);
        double Length((double X, double Y)[] p, int a, int b) =>
            Math.Sqrt(Math.Pow(p[a].X - p[b].X, 2) + Math.Pow(p[a].Y - p[b].Y, 2));
        Assert.Equal(Length(Body, 2, 11), Length(rolled, 2, 11), 1e-12);
        Assert.NotEqual(Body[2].X, rolled[2].X);
    }

    [Fact]
    public void LimbRotationsMoveOnlyTheirJointsAndKeepBoneLengths()
    {
        var rotated = DistortionProtocol.RotateAbout(Body, 9, [10], 0.5);
        Assert.Equal(Body.Where((_, i) => i != 10), rotated.Where((_, i) => i != 10));
        double Shin((double X, double Y)[] p) => Math.Sqrt(Math.Pow(p[10].X - p[9].X, 2)
            + Math.Pow(p[10].Y - p[9].Y, 2));
        Assert.Equal(Shin(Body), Shin(rotated), 1e-12);
    }

    [Fact]
    public void DistortionIsSeededAndLeavesTheTorsoAnAffineImage()
    {
        var a = DistortionProtocol.Distort(Body, new GaussianSampler(7));
        var b = DistortionProtocol.Distort(Body, new GaussianSampler(7));
        Assert.Equal(a, b);
        Assert.NotEqual(a, DistortionProtocol.Distort(Body, new GaussianSampler(8)));
        var torso = DistortionProtocol.TorsoJoints.Select(j => new Correspondence(a[j].X, a[j].Y, Body[j].X, Body[j].Y,
            1)).ToArray();
        var map = TransformFit.Affine(torso)!.Value;
        var recovered = a.Select(p => map.Apply(p.X, p.Y)).ToArray();
        Assert.True(DistortionProtocol.MeanSquaredError(Body, recovered, DistortionProtocol.TorsoJoints) < 1e-20);
    }

    [Fact]
    public void MeanSquaredErrorAveragesOverJointsAndCoordinates()
    {
        var moved = Body.Select((p, i) => i == 1 ? (p.X + 0.1, p.Y) : p).ToArray();
        Assert.Equal(0, DistortionProtocol.MeanSquaredError(Body, Body, DistortionProtocol.TorsoJoints));
        Assert.Equal(0.01 / 10, DistortionProtocol.MeanSquaredError(Body, moved, DistortionProtocol.TorsoJoints),
            1e-15);
    }

    [Fact]
    public void CorruptionsDoWhatTheyAreNamedFor()
    {
        var random = new GaussianSampler(3);
        Assert.Equal(3, Corruption.Apply(Body, CorruptionKind.Dropped, random).Count(k => k.Score == 0));
        var outlier = Corruption.Apply(Body, CorruptionKind.TorsoOutlier, random);
        var moved = Enumerable.Range(0, 14).Where(i => Math.Abs(outlier[i].X - Body[i].X)
            + Math.Abs(outlier[i].Y - Body[i].Y) > 1e-6).ToList();
        Assert.Single(moved);
        Assert.Contains(moved[0], DistortionProtocol.TorsoJoints);
        var distance = Math.Sqrt(Math.Pow(outlier[moved[0]].X - Body[moved[0]].X, 2)
            + Math.Pow(outlier[moved[0]].Y - Body[moved[0]].Y, 2));
        Assert.InRange(distance / Corruption.TorsoLength(Body), 0.5 - 1e-6, 1.5 + 1e-6);
        var noisy = Enumerable.Range(0, 400).SelectMany(_ => Corruption.Apply(Body, CorruptionKind.Noise, random)
            .Select((k, i) => k.X - Body[i].X)).ToList();
        var sigma = Math.Sqrt(noisy.Average(d => d * d));
        Assert.InRange(sigma, 0.0095, 0.0105);
    }

    [Fact]
    public void TheBenchmarkRunsDeterministicallyAndRecoversTheSeedProtocol()
    {
        var test = DistortionProtocol.TestSplit(PoseDataFile.Parse(File.ReadAllText(PoseDataPath())));
        var first = AlignmentBenchmark.Run(test, GlobalDistortion.PitchYaw, CorruptionKind.None, AlignmentModel.Affine,
            1, 11);
        var again = AlignmentBenchmark.Run(test, GlobalDistortion.PitchYaw, CorruptionKind.None, AlignmentModel.Affine,
            1, 11);
        Assert.Equal(first, again);
        Assert.Equal(113, first.Trials);
        Assert.True(first.TorsoMseAfter < first.TorsoMseBefore / 10);
        var padded = AlignmentBenchmark.ToLayout([new Keypoint(1, 2, 1)], KeypointLayout.OpenPose18);
        Assert.Equal(18, padded.Length);
        Assert.Equal(0, padded[17].Score);
    }
}
