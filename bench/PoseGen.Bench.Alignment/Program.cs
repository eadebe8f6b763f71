using System.Diagnostics;
using System.Globalization;
using PoseGen.Core.Poses.Alignment;
using PoseGen.Core.Poses.Alignment.Evaluation;

// Usage: PoseGen.Bench.Alignment [posedata.txt] [repetitions] [seed]
// The seed notebook averaged 50 passes over its 113 test poses; so does the default here.
var path = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "fixtures", "poses", "posedata.txt");
var repetitions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4;

var test = DistortionProtocol.TestSplit(PoseDataFile.Parse(File.ReadAllText(path)));
Console.WriteLine($"{test.Count} test poses, {repetitions} repetitions, seed {seed}");
Console.WriteLine();
Console.WriteLine(
    "| global distortion | corruption | model | torso MSE before | all-joint MSE before | torso MSE after | torso: " +
    "seed 0.00057 / ours | all-joint MSE after | all-joint floor (limbs) | failures |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
var clock = Stopwatch.StartNew();
var rows = new (GlobalDistortion, CorruptionKind, AlignmentModel)[]
{
    (GlobalDistortion.PitchYaw, CorruptionKind.None, AlignmentModel.Similarity),
    (GlobalDistortion.PitchYaw, CorruptionKind.None, AlignmentModel.Affine),
    (GlobalDistortion.PitchYaw, CorruptionKind.None, AlignmentModel.Perspective),
    (GlobalDistortion.PitchYaw, CorruptionKind.Noise, AlignmentModel.Affine),
    (GlobalDistortion.PitchYaw, CorruptionKind.Dropped, AlignmentModel.Affine),
    (GlobalDistortion.PitchYaw, CorruptionKind.TorsoOutlier, AlignmentModel.Affine),
    (GlobalDistortion.RollYaw, CorruptionKind.None, AlignmentModel.Similarity),
    (GlobalDistortion.RollYaw, CorruptionKind.None, AlignmentModel.Affine),
    (GlobalDistortion.RollYaw, CorruptionKind.Noise, AlignmentModel.Affine),
    (GlobalDistortion.RollYaw, CorruptionKind.Dropped, AlignmentModel.Affine),
    (GlobalDistortion.RollYaw, CorruptionKind.TorsoOutlier, AlignmentModel.Affine),
};
foreach (var (distortion, corruption, model) in rows)
{
    var row = AlignmentBenchmark.Run(test, distortion, corruption, model, repetitions, seed);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {row.Distortion} | {row.Corruption} | {row.Model} | {row.TorsoMseBefore:0.00000} | " +
        $"{row.AllJointMseBefore:0.00000} | {row.TorsoMseAfter:0.0e+00} | {0.00057 / row.TorsoMseAfter:0.#}x | " +
        $"{row.AllJointMseAfter:0.00000} | {row.AllJointFloor:0.00000} | {row.Failures} |"));
}
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:0.0} s"));
