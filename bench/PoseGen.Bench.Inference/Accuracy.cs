using PoseGen.Core.Poses;
using PoseGen.Inference.Tests.Support;

namespace PoseGen.Bench.Inference;

/// <summary>(d) PCK@0.2 (torso diagonal) and mean OKS over every annotated person of the fixture photos.</summary>
internal sealed record AccuracyScore(int Correct, int Labelled, double MeanOks, int Found, int Annotated)
{
    public double Pck => (double)Correct / Labelled;

    /// <param name="predictions">Poses per image file name, in pixels of the upright photo.</param>
    public static AccuracyScore Of(IReadOnlyList<LabelledImage> truth,
        IReadOnlyDictionary<string, IReadOnlyList<Pose>> predictions)
    {
        int correct = 0, labelled = 0, found = 0, annotated = 0;
        double oksSum = 0;
        foreach (var image in truth)
        {
            var poses = predictions.GetValueOrDefault(image.FileName) ?? [];
            foreach (var (person, predicted, oks) in CocoGroundTruth.Match(image.People, poses))
            {
                annotated++;
                labelled += person.Keypoints.Count(k => k.IsLabelled);
                if (predicted is null)
                    continue;
                found++;
                oksSum += oks;
                correct += PoseAccuracy.PckCounts(predicted.Keypoints, person.Keypoints).Correct;
            }
        }
        return new AccuracyScore(correct, labelled, oksSum / annotated, found, annotated);
    }
}
