using System.Collections.Concurrent;
using System.Numerics;
using PoseGen.Core.Library;
using PoseGen.Core.Poses;

namespace PoseGen.Core.Recommendations;

/// <summary>
/// How alike two poses are, in [0, 1]. Geometry: the mean over the body's bones (limbs plus pelvis-to-neck) of
/// (1 + cos angle)/2 between their 3D directions in the grounded default body, so lying and standing differ even with
/// the same joint angles. Variations of one pose share a <see cref="LibraryPose.Family"/>, which adds 0.3 on a 0.7
/// geometric part.
/// </summary>
public sealed class LibraryPoseSimilarity(PoseLibrary library)
{
    private static readonly (BodyPoint A, BodyPoint B)[] Bones3D =
        [.. Bones.Limbs.Where(l => l.From != BodyPoint.NeckBase), (BodyPoint.Pelvis, BodyPoint.NeckBase)];

    private static readonly (CocoKeypoint A, CocoKeypoint B)[] Bones2D =
    [
        (CocoKeypoint.LeftShoulder, CocoKeypoint.LeftElbow), (CocoKeypoint.LeftElbow, CocoKeypoint.LeftWrist),
        (CocoKeypoint.RightShoulder, CocoKeypoint.RightElbow), (CocoKeypoint.RightElbow, CocoKeypoint.RightWrist),
        (CocoKeypoint.LeftHip, CocoKeypoint.LeftKnee), (CocoKeypoint.LeftKnee, CocoKeypoint.LeftAnkle),
        (CocoKeypoint.RightHip, CocoKeypoint.RightKnee), (CocoKeypoint.RightKnee, CocoKeypoint.RightAnkle),
        (CocoKeypoint.LeftShoulder, CocoKeypoint.LeftHip), (CocoKeypoint.RightShoulder, CocoKeypoint.RightHip),
    ];

    private readonly ConcurrentDictionary<(string, string), double> _cache = new();
    private readonly ConcurrentDictionary<(string, PoseView), Pose> _views = new();

    public double Between(LibraryPose a, LibraryPose b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Id == b.Id) return 1;
        var key = string.CompareOrdinal(a.Id, b.Id) < 0 ? (a.Id, b.Id) : (b.Id, a.Id);
        return _cache.GetOrAdd(key, _ =>
        {
            var (ba, bb) = (library.Ground(a).Body, library.Ground(b).Body);
            var geometric = Bones3D.Average(bone => Agreement(Direction(ba, bone), Direction(bb, bone)));
            return (0.7 * geometric) + (a.Family == b.Family ? 0.3 : 0);
        });
    }

    /// <summary>
    /// Agreement of a detected 2D pose with a library pose, over the bones whose keypoints score at least 0.3: the best
    /// of the front, three-quarter and side views, each also mirrored (a photo may show the pose on the other side).
    /// </summary>
    public double ToDetected(Pose detected, LibraryPose pose)
    {
        ArgumentNullException.ThrowIfNull(detected);
        ArgumentNullException.ThrowIfNull(pose);
        var best = 0.0;
        foreach (var view in Enum.GetValues<PoseView>())
        {
            // Directions do not depend on body size, so the default body's projection serves every user.
            var coco = _views.GetOrAdd((pose.Id, view), key => library.Project(pose, key.Item2).ToCoco());
            best = Math.Max(best, Agreement2D(detected, coco, mirror: false));
            best = Math.Max(best, Agreement2D(detected, coco, mirror: true));
        }
        return best;
    }

    private static double Agreement2D(Pose detected, Pose reference, bool mirror)
    {
        double sum = 0;
        var n = 0;
        foreach (var (a, b) in Bones2D)
        {
            var (p, q) = (detected[a], detected[b]);
            if (p.Score < 0.3 || q.Score < 0.3) continue;
            var (ra, rb) = mirror ? (Mirror(a), Mirror(b)) : (a, b);
            var u = new Vector2(q.X - p.X, q.Y - p.Y);
            var v = new Vector2(reference[rb].X - reference[ra].X, reference[rb].Y - reference[ra].Y);
            if (mirror) v.X = -v.X;
            if (u.LengthSquared() < 1e-6f || v.LengthSquared() < 1e-6f) continue;
            sum += Agreement(Vector3.Normalize(new Vector3(u, 0)), Vector3.Normalize(new Vector3(v, 0)));
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    /// <summary>The same joint on the other side (COCO lists left before right for each pair, from index 1).</summary>
    private static CocoKeypoint Mirror(CocoKeypoint k) => k == CocoKeypoint.Nose ? k
        : (CocoKeypoint)((int)k % 2 == 1 ? (int)k + 1 : (int)k - 1);

    private static Vector3 Direction(Body3D body, (BodyPoint A, BodyPoint B) bone)
    {
        var d = body[bone.B] - body[bone.A];
        return d.LengthSquared() < 1e-9f ? Vector3.Zero : Vector3.Normalize(d);
    }

    private static double Agreement(Vector3 u, Vector3 v) => (1 + Vector3.Dot(u, v)) / 2;
}
