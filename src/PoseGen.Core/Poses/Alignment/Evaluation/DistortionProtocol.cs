namespace PoseGen.Core.Poses.Alignment.Evaluation;

/// <summary>How the global camera change of the protocol is read.</summary>
public enum GlobalDistortion
{
    /// <summary>
    /// As the seed's code does it: the flat pose is rotated by tilt about the horizontal image axis and by turn about
    /// the vertical axis, then projected orthographically: x' = x cos(turn) + y sin(tilt) sin(turn), y' = y cos(tilt).
    /// </summary>
    PitchYaw,

    /// <summary>
    /// Tilt read as an in-plane rotation (camera roll), then turn about the vertical axis, projected orthographically.
    /// </summary>
    RollYaw,
}

/// <summary>
/// The distortion protocol of 'Deep pose alignment' (linhle32/Deep-Pose-Alignment, utilities.py and the notebook), in
/// normalised image units: complete 14-joint OpenPose bodies, centred on their joint mean; each test pose gets at most
/// one random limb rotation (the seed draws 0-9 rotations but restarts each from the undistorted pose, so only the last
/// survives; kept as is) with angle ~ N(0, limb sigma), then a global tilt and turn ~ N(0, global sigma) about the
/// joint mean. The loss and the metric use the torso joints only.
/// </summary>
public static class DistortionProtocol
{
    public const int JointCount = 14;
    public const int TestCount = 113;

    /// <summary>Neck, right shoulder, left shoulder, right hip, left hip in OpenPose order.</summary>
    public static IReadOnlyList<int> TorsoJoints { get; } = [1, 2, 5, 8, 11];

    /// <summary>The seed's nine limb rotations as (pivot joint, joints rotated about it), OpenPose indices.</summary>
    public static IReadOnlyList<(int Pivot, int[] Joints)> LimbRotations { get; } =
    [
        (1, [0]), (3, [4]), (6, [7]), (2, [3, 4]), (5, [6, 7]), (9, [10]), (12, [13]), (8, [9, 10]), (11, [12, 13]),
    ];

    /// <summary>
    /// Test split: the last 113 complete poses of the file, each centred on the mean of its 14 joints.
    /// </summary>
    public static IReadOnlyList<(double X, double Y)[]> TestSplit(IReadOnlyList<(double X, double Y)[]> filePoses)
    {
        var complete = PoseDataFile.Complete(filePoses, JointCount);
        return [.. complete.Skip(Math.Max(0, complete.Count - TestCount)).Select(Centre)];
    }

    public static (double X, double Y)[] Centre((double X, double Y)[] pose)
    {
        var (mx, my) = (pose.Average(p => p.X), pose.Average(p => p.Y));
        return [.. pose.Select(p => (p.X - mx, p.Y - my))];
    }

    public static (double X, double Y)[] Distort((double X, double Y)[] pose, GaussianSampler random,
        GlobalDistortion kind = GlobalDistortion.PitchYaw, double globalSigma = 0.5, double limbSigma = 0.5) =>
        DistortInSteps(pose, random, kind, globalSigma, limbSigma).Distorted;

    /// <summary>
    /// The distortion with its intermediate step: <c>Limbed</c> is the pose after the limb rotation only, i.e. what a
    /// perfect undoing of the camera change would give back (the limb change is a real pose difference and must stay).
    /// </summary>
    public static ((double X, double Y)[] Limbed, (double X, double Y)[] Distorted) DistortInSteps(
        (double X, double Y)[] pose,
        GaussianSampler random, GlobalDistortion kind = GlobalDistortion.PitchYaw, double globalSigma = 0.5,
        double limbSigma = 0.5)
    {
        var limbed = pose;
        var draws = random.Next(10);
        for (var d = 0; d < draws; d++)
        {
            var (pivot, joints) = LimbRotations[random.Next(LimbRotations.Count)];
            limbed = RotateAbout(pose, pivot, joints, random.NextGaussian(0, limbSigma));
        }
        var tilt = random.NextGaussian(0, globalSigma);
        var turn = random.NextGaussian(0, globalSigma);
        return (limbed, ApplyGlobal(limbed, kind, tilt, turn));
    }

    public static (double X, double Y)[] RotateAbout((double X, double Y)[] pose, int pivot, int[] joints, double angle)
    {
        var result = ((double X, double Y)[])pose.Clone();
        var (s, c) = Math.SinCos(angle);
        foreach (var j in joints)
        {
            double dx = pose[j].X - pose[pivot].X, dy = pose[j].Y - pose[pivot].Y;
            result[j] = (pose[pivot].X + (dx * c) - (dy * s), pose[pivot].Y + (dx * s) + (dy * c));
        }
        return result;
    }

    /// <summary>The camera change about the pose's joint mean (see <see cref="GlobalDistortion"/>).</summary>
    public static (double X, double Y)[] ApplyGlobal((double X, double Y)[] pose, GlobalDistortion kind, double tilt,
        double turn)
    {
        var (mx, my) = (pose.Average(p => p.X), pose.Average(p => p.Y));
        var (st, ct) = Math.SinCos(tilt);
        var (su, cu) = Math.SinCos(turn);
        return [.. pose.Select(p =>
        {
            double x = p.X - mx, y = p.Y - my;
            return kind == GlobalDistortion.PitchYaw
                ? (mx + (x * cu) + (y * st * su), my + (y * ct))
                : (mx + (((x * ct) - (y * st)) * cu), my + (x * st) + (y * ct));
        })];
    }

    /// <summary>
    /// Mean over the given joints and both coordinates of the squared difference (the seed's numpy .mean()).
    /// </summary>
    public static double MeanSquaredError(IReadOnlyList<(double X, double Y)> expected,
        IReadOnlyList<(double X, double Y)> actual,
        IReadOnlyList<int> joints)
    {
        var sum = 0.0;
        foreach (var j in joints)
            sum += Math.Pow(expected[j].X - actual[j].X, 2) + Math.Pow(expected[j].Y - actual[j].Y, 2);
        return sum / (2.0 * joints.Count);
    }
}
