namespace PoseGen.Core.Library;

/// <summary>
/// The rotating joints of the library skeleton. Hinge joints (elbows, knees, ankles) use only
/// <see cref="JointRotation.Flex"/>.
/// </summary>
public enum Joint
{
    Spine, Neck, LeftShoulder, LeftElbow, RightShoulder, RightElbow, LeftHip, LeftKnee, LeftAnkle, RightHip, RightKnee,
    RightAnkle,
}

/// <summary>
/// Anatomical angles in degrees relative to the anatomical standing position (arms at the sides, palms forward).
/// Flex: flexion positive (spine/neck: bend forward; shoulder/hip: limb forward and up; elbow/knee: bend; ankle: toes
/// up). Side: spine/neck lateral bend to the subject's left; shoulder/hip abduction away from the midline on either
/// side. Twist: spine/neck rotation to the subject's left; shoulder/hip external rotation on either side.
/// </summary>
public readonly record struct JointRotation(double Flex, double Side = 0, double Twist = 0);

/// <summary>
/// Whole-body orientation in degrees, applied to the pelvis: Pitch tips the body forward (90 = face down, -90 = face
/// up, 180 = upside down), Roll tips it towards the subject's left side, Yaw turns it to the subject's left.
/// </summary>
public readonly record struct RootOrientation(double Pitch = 0, double Roll = 0, double Yaw = 0);

/// <summary>
/// A body position: root orientation and the joints that differ from the anatomical standing position.
/// </summary>
public sealed record BodyPosture(RootOrientation Root, IReadOnlyDictionary<Joint, JointRotation> Joints)
{
    public static BodyPosture Standing { get; } = new(default, new Dictionary<Joint, JointRotation>());

    public JointRotation this[Joint joint] => Joints.TryGetValue(joint, out var r) ? r : default;
}

/// <summary>One axis of a joint and its allowed range in degrees.</summary>
public sealed record JointLimit(Joint Joint, string Axis, double Min, double Max);

/// <summary>
/// Ranges for a trained, flexible adult (the library includes advanced yoga), so wider than clinical "normal" ROM
/// tables (AAOS: hip extension 30, shoulder flexion 180, knee flexion 135-150). Ankle plantarflexion goes to 75 because
/// kneeling with the top of the foot flat on the floor (child's pose, seiza) needs it. Anything outside is an
/// impossible angle. Spine and neck values are totals over the whole segment chain.
/// </summary>
public static class JointLimits
{
    public static readonly IReadOnlyList<JointLimit> All = Build();

    private static List<JointLimit> Build()
    {
        var list = new List<JointLimit>
        {
            new(Joint.Spine, "flex", -90, 110), new(Joint.Spine, "side", -60, 60), new(Joint.Spine, "twist", -70, 70),
            new(Joint.Neck, "flex", -60, 70), new(Joint.Neck, "side", -45, 45), new(Joint.Neck, "twist", -80, 80),
        };
        foreach (var (shoulder, elbow) in new[] { (Joint.LeftShoulder, Joint.LeftElbow),
            (Joint.RightShoulder, Joint.RightElbow) })
        {
            list.Add(new(shoulder, "flex", -70, 185));
            list.Add(new(shoulder, "side", -40, 185));
            list.Add(new(shoulder, "twist", -90, 100));
            AddHinge(list, elbow, -5, 155);
        }
        foreach (var (hip, knee, ankle) in new[] { (Joint.LeftHip, Joint.LeftKnee, Joint.LeftAnkle),
            (Joint.RightHip, Joint.RightKnee, Joint.RightAnkle) })
        {
            list.Add(new(hip, "flex", -55, 165));
            list.Add(new(hip, "side", -35, 95));
            list.Add(new(hip, "twist", -50, 90));
            AddHinge(list, knee, -5, 160);
            AddHinge(list, ankle, -75, 40);
        }
        return list;
    }

    private static void AddHinge(List<JointLimit> list, Joint joint, double min, double max)
    {
        list.Add(new(joint, "flex", min, max));
        list.Add(new(joint, "side", 0, 0));
        list.Add(new(joint, "twist", 0, 0));
    }

    /// <summary>
    /// Every axis of <paramref name="angles"/> outside its range, as readable messages; empty when all are possible.
    /// </summary>
    public static IReadOnlyList<string> Violations(BodyPosture angles)
    {
        ArgumentNullException.ThrowIfNull(angles);
        var found = new List<string>();
        foreach (var limit in All)
        {
            var r = angles[limit.Joint];
            var value = limit.Axis switch { "flex" => r.Flex, "side" => r.Side, _ => r.Twist };
            if (double.IsNaN(value) || value < limit.Min || value > limit.Max)
                found.Add($"{limit.Joint} {limit.Axis} {value:0.#} outside [{limit.Min}, {limit.Max}]");
        }
        return found;
    }
}
