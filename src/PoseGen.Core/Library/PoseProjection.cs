using System.Numerics;
using PoseGen.Core.Poses;

namespace PoseGen.Core.Library;

/// <summary>
/// Camera views of a library pose: the body is turned to its left by 0, 45 or 90 degrees in front of a fixed camera.
/// </summary>
public enum PoseView { Front, ThreeQuarter, Side }

/// <summary>
/// A body seen by an orthographic camera on +Z, in canvas pixels (x right, y down). <see cref="Depth"/> is metres
/// towards the camera (larger is nearer), used for drawing order. <see cref="Scale"/> is pixels per metre; the canvas
/// is the size it was fitted to.
/// </summary>
public sealed record ProjectedBody(
    IReadOnlyList<Vector2> Points, IReadOnlyList<float> Depth, float Scale, Body3D Source, PoseView View,
    int CanvasWidth, int CanvasHeight)
{
    public Vector2 this[BodyPoint p] => Points[(int)p];

    private static readonly BodyPoint[] CocoOrder =
    [
        BodyPoint.Nose, BodyPoint.LeftEye, BodyPoint.RightEye, BodyPoint.LeftEar, BodyPoint.RightEar,
        BodyPoint.LeftShoulder, BodyPoint.RightShoulder, BodyPoint.LeftElbow, BodyPoint.RightElbow, BodyPoint.LeftWrist,
        BodyPoint.RightWrist, BodyPoint.LeftHip, BodyPoint.RightHip, BodyPoint.LeftKnee, BodyPoint.RightKnee,
        BodyPoint.LeftAnkle, BodyPoint.RightAnkle,
    ];

    /// <summary>
    /// COCO-17 keypoints. Face points turned away from the camera get score 0, as a detector would not see them.
    /// </summary>
    public Pose ToCoco()
    {
        var kps = CocoOrder.Select(p => new Keypoint(this[p].X, this[p].Y, FaceVisible(p) ? 1f : 0f)).ToArray();
        var xs = kps.Select(k => k.X).ToArray();
        var ys = kps.Select(k => k.Y).ToArray();
        var box = new BoundingBox(xs.Min(), ys.Min(), xs.Max() - xs.Min(), ys.Max() - ys.Min());
        return new Pose(kps, 1f, box);
    }

    /// <summary>
    /// OpenPose-18 keypoints; face points hidden from the camera are (0, 0, 0), OpenPose's "not detected".
    /// </summary>
    public IReadOnlyList<Keypoint> ToOpenPose() => OpenPoseBody18.Convert(ToCoco().Keypoints, threshold: 0.5f);

    private bool FaceVisible(BodyPoint p)
    {
        if (p is not (BodyPoint.Nose or BodyPoint.LeftEye or BodyPoint.RightEye or BodyPoint.LeftEar
            or BodyPoint.RightEar)) return true;
        var outward = Vector3.Normalize(Source[p] - Source[BodyPoint.HeadCenter]);
        var toCamera = Vector3.Transform(Vector3.UnitZ, Quaternion.CreateFromAxisAngle(Vector3.UnitY,
            -Yaw(View) * MathF.PI / 180));
        // Ears sit on the sides of the head, so they stay visible until the head is turned well past profile.
        var threshold = p is BodyPoint.LeftEar or BodyPoint.RightEar ? -0.3f : 0.05f;
        return Vector3.Dot(outward, toCamera) > threshold;
    }

    public static float Yaw(PoseView view) => view switch { PoseView.Front => 0, PoseView.ThreeQuarter => 45, _ => 90 };
}

public static class PoseProjection
{
    /// <summary>
    /// Projects a grounded body into a width x height canvas, fitted with <paramref name="margin"/> pixels around it.
    /// The three-quarter and side views turn the body to its left, so it faces the right of the image.
    /// </summary>
    public static ProjectedBody Project(Body3D body, PoseView view, int width = 512, int height = 512,
        float margin = 24)
    {
        ArgumentNullException.ThrowIfNull(body);
        var turned = body.RotateYaw(ProjectedBody.Yaw(view));
        var xs = turned.Points.Select(p => p.X).ToArray();
        var ys = turned.Points.Select(p => p.Y).ToArray();
        // The head is drawn as a disc around its centre, so the fit keeps room for it.
        var r = (float)body.Proportions.HeadRadius;
        var (minX, maxX, minY, maxY) = (xs.Min() - r, xs.Max() + r, Math.Min(0, ys.Min()), ys.Max() + r);
        var scale = Math.Min((width - (2 * margin)) / Math.Max(maxX - minX, 1e-3f),
            (height - (2 * margin)) / Math.Max(maxY - minY, 1e-3f));
        var ox = (width / 2f) - (scale * (minX + maxX) / 2);
        var oy = (height / 2f) + (scale * (minY + maxY) / 2);
        var pts = turned.Points.Select(p => new Vector2(ox + (scale * p.X), oy - (scale * p.Y))).ToArray();
        // Depth comes from the turned body: it is distance towards this view's camera.
        return new ProjectedBody(pts, turned.Points.Select(p => p.Z).ToArray(), scale, body, view, width, height);
    }
}
