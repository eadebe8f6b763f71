namespace PoseGen.Core.Poses.Alignment.Evaluation;

/// <summary>
/// What is done to the distorted candidate's keypoints before alignment, on top of the seed protocol.
/// </summary>
public enum CorruptionKind
{
    None,

    /// <summary>Every joint moves by N(0, 0.01) per coordinate (normalised image units).</summary>
    Noise,

    /// <summary>round(20% of 14) = 3 joints, chosen uniformly, are reported missing.</summary>
    Dropped,

    /// <summary>
    /// One torso joint, chosen uniformly, is thrown 0.5-1.5 torso lengths in a uniform random direction.
    /// </summary>
    TorsoOutlier,
}

/// <summary>Keypoints as a detector would report them: (x, y, confidence), missing = confidence 0.</summary>
public static class Corruption
{
    public const double NoiseSigma = 0.01;
    public const double DropFraction = 0.2;

    public static Keypoint[] Apply((double X, double Y)[] pose, CorruptionKind kind, GaussianSampler random)
    {
        var keypoints = pose.Select(p => new Keypoint((float)p.X, (float)p.Y, 1f)).ToArray();
        switch (kind)
        {
            case CorruptionKind.Noise:
                for (var i = 0; i < keypoints.Length; i++)
                    keypoints[i] = keypoints[i] with
                    {
                        X = (float)(pose[i].X + random.NextGaussian(0, NoiseSigma)),
                        Y = (float)(pose[i].Y + random.NextGaussian(0, NoiseSigma)),
                    };
                break;
            case CorruptionKind.Dropped:
                var order = Enumerable.Range(0, keypoints.Length).ToArray();
                for (var i = order.Length - 1; i > 0; i--)
                {
                    var j = random.Next(i + 1);
                    (order[i], order[j]) = (order[j], order[i]);
                }
                foreach (var i in order.Take((int)Math.Round(DropFraction * keypoints.Length)))
                    keypoints[i] = new Keypoint(0, 0, 0);
                break;
            case CorruptionKind.TorsoOutlier:
                var joint = DistortionProtocol.TorsoJoints[random.Next(DistortionProtocol.TorsoJoints.Count)];
                var torso = TorsoLength(pose);
                var distance = torso * (0.5 + random.NextDouble());
                var (s, c) = Math.SinCos(2 * Math.PI * random.NextDouble());
                keypoints[joint] = new Keypoint((float)(pose[joint].X + (distance * c)),
                    (float)(pose[joint].Y + (distance * s)), 1f);
                break;
            case CorruptionKind.None:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
        return keypoints;
    }

    /// <summary>Shoulder centre to hip centre of a 14-joint OpenPose body.</summary>
    public static double TorsoLength((double X, double Y)[] pose)
    {
        double sx = (pose[2].X + pose[5].X) / 2, sy = (pose[2].Y + pose[5].Y) / 2;
        double hx = (pose[8].X + pose[11].X) / 2, hy = (pose[8].Y + pose[11].Y) / 2;
        return Math.Sqrt(((sx - hx) * (sx - hx)) + ((sy - hy) * (sy - hy)));
    }
}
