using PoseGen.Core.Workouts;

namespace PoseGen.Core.Tests.Workouts;

/// <summary>
/// How one exercise moves in one camera view: <see cref="Pose"/> maps depth (0 start pose, 1 full range) and an
/// optional fault to joint angles. ShallowDepth passes the peak threshold but misses the range check (null when the
/// view has no range check); PartialDepth turns back before the peak threshold. Fault names the form fault the exercise
/// checks.
/// </summary>
public sealed record ExerciseMotion(
    string Id,
    CameraView View,
    Func<double, bool, BodyAngles> Pose,
    double? ShallowDepth,
    string? ShallowIssue,
    double PartialDepth,
    string FaultIssue,
    bool Standing)
{
    public override string ToString() => $"{Id} ({View})";
}

public static class ExerciseMotions
{
    public static readonly IReadOnlyList<ExerciseMotion> All =
    [
        new("squat", CameraView.Side, Squat, 0.8, "not deep enough", 0.5, "leaning too far forward", true),
        new("squat", CameraView.Front, Squat, 0.8, "not deep enough", 0.62, "knees caving in", true),
        new("push-up", CameraView.Side, PushUp, 0.75, "not deep enough", 0.5, "hips sagging", false),
        new("lunge", CameraView.Side, Lunge, 0.68, "not deep enough", 0.45, "leaning forward", true),
        new("jumping-jack", CameraView.Front, JumpingJack, 0.75, "arms not overhead", 0.4, "feet not apart", true),
        new("biceps-curl", CameraView.Front, BicepsCurl, 0.771, "not full range", 0.557, "elbows not pinned", true),
        new("biceps-curl", CameraView.Side, BicepsCurl, 0.771, "not full range", 0.557, "elbows not pinned", true),
        new("shoulder-press", CameraView.Front, ShoulderPress, 0.78, "arms not locked out", 0.389,
            "arms not locked out", true),
        new("shoulder-press", CameraView.Side, ShoulderPress, null, null, 0.389, "arching the back", true),
        new("sit-up", CameraView.Side, SitUp, 0.8, "not high enough", 0.543, "legs straight", false),
        new("glute-bridge", CameraView.Side, GluteBridge, 0.75, "hips not high enough", 0.5, "arching the lower back",
            false),
    ];

    /// <summary>Knee flexion k from 5 to 100 degrees; the shin takes 30 % of it, the thigh the rest; the torso leans to
    /// balance. Fault: leaning far forward (seen from the side) together with knees caving in (seen from the
    /// front).</summary>
    private static BodyAngles Squat(double d, bool fault)
    {
        var k = 5 + (95 * d);
        var shin = 0.3 * k;
        var thigh = new Limb(180 - (k - shin), fault ? 5 - (20 * d) : 5);
        var shinLimb = new Limb(180 + shin, fault ? 2 + (15 * d) : -2);
        var arm = new Limb(180 - (0.9 * k), 5);
        return BodyAngles.Symmetric((fault ? 0.8 : 0.45) * k, thigh, shinLimb, arm, arm);
    }

    /// <summary>Elbow flexion e from 0 to 100 degrees, hands and feet on the floor: the body pitch follows the shoulder
    /// height. Fault: hips sag 10 degrees below the shoulder-ankle line.</summary>
    private static BodyAngles PushUp(double d, bool fault)
    {
        var e = 100 * d;
        var shoulderHeight = (0.17 * Cos(0.6 * e)) + (0.16 * Cos(0.4 * e));
        var pitch = Math.Asin(shoulderHeight / 0.80) * 180 / Math.PI;
        var sag = fault ? 10 : 0;
        var leg = new Limb(270 - pitch + sag);
        return BodyAngles.Symmetric(90 - pitch - sag, leg, leg, new Limb(180 + (0.6 * e)), new Limb(180 - (0.4 * e)));
    }

    /// <summary>
    /// Split stance, left leg in front: front knee 170 to 85 degrees, back knee 170 to 90. Fault: torso leans 45
    /// degrees.
    /// </summary>
    private static BodyAngles Lunge(double d, bool fault)
    {
        var frontShin = 180 + (5 * d);
        var backThigh = 200 - (15 * d);
        var hang = new Limb(180, 8);
        return new BodyAngles(fault ? 45 * d : 0,
            new Limb(frontShin - (10 + (85 * d))), new Limb(backThigh),
            new Limb(frontShin), new Limb(backThigh + 10 + (80 * d)), hang, hang, hang, hang);
    }

    /// <summary>Arms abduct 10 to 170 degrees, legs 3 to 15. Fault: the feet stay together.</summary>
    private static BodyAngles JumpingJack(double d, bool fault)
    {
        var leg = new Limb(180, fault ? 3 : 3 + (12 * d));
        var arm = new Limb(180, 10 + (160 * d));
        return BodyAngles.Symmetric(0, leg, leg, arm, arm);
    }

    /// <summary>Elbow flexion 10 to 150 degrees with the forearm 12 degrees out (palms slightly out). Fault: the elbows
    /// swing 40 degrees forward and 30 degrees out.</summary>
    private static BodyAngles BicepsCurl(double d, bool fault)
    {
        var e = 10 + (140 * d);
        var upper = fault ? new Limb(180 - (40 * d), 5 + (30 * d)) : new Limb(180, 5);
        return BodyAngles.Symmetric(0, new Limb(180, 3), new Limb(180, 3), upper, new Limb(180 - e, 12));
    }

    /// <summary>Upper arms abduct 80 to 170 degrees with the forearms vertical. Fault: leaning back 20 degrees (seen
    /// from the side) with the forearms tilted 25 degrees inward, so the elbows never lock out (seen from the
    /// front).</summary>
    private static BodyAngles ShoulderPress(double d, bool fault) =>
        BodyAngles.Symmetric(fault ? -20 : 0, new Limb(180, 3), new Limb(180, 3), new Limb(180, 80 + (90 * d)),
            new Limb(0, fault ? -25 : 0));

    /// <summary>Lying on the back, head toward the facing direction; the torso rises from flat (pitch 90) to 20 degrees
    /// from vertical with the knees bent at 90 degrees. Fault: straight legs.</summary>
    private static BodyAngles SitUp(double d, bool fault)
    {
        var torso = 90 - (70 * d);
        var thigh = new Limb(fault ? 270 : 315);
        var shin = new Limb(fault ? 270 : 225);
        return BodyAngles.Symmetric(torso, thigh, shin, new Limb(torso + 180), new Limb(torso));
    }

    /// <summary>Lying on the back, knees bent: shoulder-hip-knee opens from 135 to 180 degrees. Fault: the hips rise
    /// past the straight line (lower back arched, 155 degrees the other way at the top).</summary>
    private static BodyAngles GluteBridge(double d, bool fault)
    {
        var torso = 90 + ((fault ? 40 : 30) * d);
        var thigh = new Limb(315 - ((fault ? 30 : 15) * d));
        var arm = new Limb(torso);
        return BodyAngles.Symmetric(torso, thigh, new Limb(200), arm, arm);
    }

    /// <summary>Forearm plank (shoulders 0.17 above the floor). Fault: hips sag 10 degrees.</summary>
    public static BodyAngles Plank(bool sagging)
    {
        var pitch = Math.Asin(0.17 / 0.80) * 180 / Math.PI;
        var sag = sagging ? 10 : 0;
        var leg = new Limb(270 - pitch + sag);
        return BodyAngles.Symmetric(90 - pitch - sag, leg, leg, new Limb(180), new Limb(90));
    }

    /// <summary>A walking stride at the given phase (radians): thighs swing 25 degrees, the swing knee bends.</summary>
    public static BodyAngles Walking(double phase)
    {
        var swing = 25 * Math.Sin(phase);
        Limb Thigh(double s) => new(180 - s, 3);
        Limb Shin(double s) => new(180 - s + (40 * Math.Max(0, Math.Sin(phase + (s > 0 ? 0 : Math.PI)))), -2);
        return new BodyAngles(5, Thigh(swing), Thigh(-swing), Shin(swing), Shin(-swing),
            new Limb(180 + swing, 8), new Limb(180 - swing, 8), new Limb(170 + swing, 8), new Limb(170 - swing, 8));
    }

    private static double Cos(double degrees) => Math.Cos(degrees * Math.PI / 180);
}
