using System.Globalization;

namespace PoseGen.Core.Poses.Alignment.Evaluation;

/// <summary>
/// Reads the 'Deep pose alignment' pose file: one pose per line, 36 comma-separated floats = 18 OpenPose joints x (x,
/// y), each normalised by the image width or height to [0, 1]; -1 marks a missing joint.
/// </summary>
public static class PoseDataFile
{
    public const int JointsPerRow = 18;

    /// <summary>Every row as 18 (X, Y) pairs, missing joints as (-1, -1).</summary>
    public static IReadOnlyList<(double X, double Y)[]> Parse(string text)
    {
        var poses = new List<(double X, double Y)[]>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var values = line.Split(',').Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture))
                .ToArray();
            if (values.Length != 2 * JointsPerRow)
                throw new FormatException($"Expected {2 * JointsPerRow} values per pose, found {values.Length}.");
            poses.Add([.. Enumerable.Range(0, JointsPerRow).Select(j => (values[2 * j], values[(2 * j) + 1]))]);
        }
        return poses;
    }

    /// <summary>
    /// The poses whose first <paramref name="joints"/> joints are all present, cut to those joints, in file order.
    /// </summary>
    public static IReadOnlyList<(double X, double Y)[]> Complete(IReadOnlyList<(double X, double Y)[]> poses,
        int joints) =>
        [.. poses.Where(p => p.Take(joints).All(j => j.X != -1 && j.Y != -1)).Select(p => p[..joints])];
}
