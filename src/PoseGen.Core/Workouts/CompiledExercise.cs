using System.Numerics;
using PoseGen.Core.Poses;

namespace PoseGen.Core.Workouts;

internal sealed class CompiledCheck(CheckDefinition definition)
{
    public CheckDefinition Definition { get; } = definition;

    /// <summary>Null when the check applies to the rep signal itself.</summary>
    public BodyMeasure? Measure { get; } = definition.Measure is { } m ? new BodyMeasure(m) : null;

    /// <summary>
    /// A "stay within" check (every frame must pass: the worst value is bounded), so it can cue live.
    /// </summary>
    public bool IsContinuous =>
        (Definition.Aggregate == Aggregate.Max && Definition.AtMost is not null) ||
        (Definition.Aggregate == Aggregate.Min && Definition.AtLeast is not null);

    /// <summary>Passes when the value is within the bounds widened by <paramref name="slack"/>.</summary>
    public bool Passes(double value, double slack = 0) =>
        (Definition.AtLeast is not { } lo || value >= lo - slack)
            && (Definition.AtMost is not { } hi || value <= hi + slack);

    /// <summary>
    /// How far the value is outside the bounds (0 inside), and how far inside the nearest bound (0 outside).
    /// </summary>
    public (double Violation, double Margin) Distance(double value)
    {
        var below = Definition.AtLeast is { } lo ? lo - value : double.NegativeInfinity;
        var above = Definition.AtMost is { } hi ? value - hi : double.NegativeInfinity;
        var worst = Math.Max(below, above);
        return worst > 0 ? (worst, 0) : (0, -worst);
    }

    /// <summary>The value the bounds apply to: the measure itself, or for a check relative to the start pose its
    /// fraction of the start-pose value (null, so unjudged, when that value is unknown or too close to 0 to divide
    /// by).</summary>
    public double? Judged(double value, double? start) =>
        !Definition.RelativeToStart ? value : start is { } s && Math.Abs(s) > 1e-6 ? value / s : null;

    public double Fold(double? current, double value) => current is not { } c ? value
        : Definition.Aggregate == Aggregate.Min ? Math.Min(c, value) : Math.Max(c, value);
}

internal sealed class CompiledView(ViewDefinition definition)
{
    public ViewDefinition Definition { get; } = definition;
    public BodyMeasure? Signal { get; } = definition.Signal is { } s ? new BodyMeasure(s) : null;
    public CompiledCheck[] Checks { get; } = [.. (definition.Checks ?? []).Select(c => new CompiledCheck(c))];
    public CompiledCheck[] Posture { get; } = [.. (definition.Posture ?? []).Select(c => new CompiledCheck(c))];

    /// <summary>+1 when the signal rises toward the peak (a curl), -1 when it falls (a squat's knee angle).</summary>
    public int Direction => Definition.Peak >= Definition.Start ? 1 : -1;

    /// <summary>The signal oriented so that larger is always toward the peak.</summary>
    public double Oriented(double signal) => Direction * signal;

    /// <summary>Where <paramref name="signal"/> sits in the person's range [low, high]: 0 at the start side, 1 at the
    /// peak side (beyond either end outside [0, 1]); null when the range is under the noise floor: no movement to
    /// follow.</summary>
    public double? Progress(double signal, double low, double high) =>
        high - low < Definition.MinTravel ? null
        : Direction > 0 ? (signal - low) / (high - low) : (high - signal) / (high - low);
}

/// <summary>An <see cref="ExerciseDefinition"/> resolved to keypoint indices, ready for the counter.</summary>
internal sealed class CompiledExercise
{
    private readonly int[] _requiredFixed;
    private readonly (int[] Left, int[] Right) _requiredSided;

    public CompiledExercise(ExerciseDefinition definition)
    {
        Definition = definition;
        Views = [.. definition.Views.Select(v => new CompiledView(v))];
        var required = definition.RequiredJoints ?? [];
        _requiredFixed = [.. required.Where(n => !JointNames.IsSideNeutral(n))
            .Select(n => JointNames.Resolve(n, true))];
        var sided = required.Where(JointNames.IsSideNeutral).ToList();
        _requiredSided = ([.. sided.Select(n => JointNames.Resolve(n, true))],
            [.. sided.Select(n => JointNames.Resolve(n, false))]);
        SupportedViews = [.. definition.Views.SelectMany(v => v.Views).Distinct()];
    }

    public ExerciseDefinition Definition { get; }
    public CompiledView[] Views { get; }
    public CameraView[] SupportedViews { get; }

    public CompiledView ViewFor(CameraView view) => Views.FirstOrDefault(v => v.Definition.Views.Contains(view))
        ?? Views[0];

    /// <summary>Fixed joints all visible and the side-neutral ones all visible on at least one side.</summary>
    public bool RequiredVisible(ReadOnlySpan<bool> visible)
    {
        foreach (var j in _requiredFixed)
            if (!visible[j]) return false;
        return AllVisible(_requiredSided.Left, visible) || AllVisible(_requiredSided.Right, visible);
    }

    private static bool AllVisible(int[] joints, ReadOnlySpan<bool> visible)
    {
        foreach (var j in joints)
            if (!visible[j]) return false;
        return true;
    }

    /// <summary>The trunk's four joints, each side's shoulder followed by its hip.</summary>
    public static readonly int[] TrunkJoints = [(int)CocoKeypoint.LeftShoulder, (int)CocoKeypoint.LeftHip,
        (int)CocoKeypoint.RightShoulder, (int)CocoKeypoint.RightHip];

    /// <summary>Mid-point of the visible shoulders and hips, the mean visible torso length (image-height units) and
    /// which of the four joints were used (bit mask), so centres from different joint sets are not compared.</summary>
    public static (Vector2 Centre, float Torso, int Joints)? Trunk(ReadOnlySpan<Vector2> p, ReadOnlySpan<bool> visible)
    {
        var sum = Vector2.Zero;
        var n = 0;
        var mask = 0;
        float torso = 0;
        var sides = 0;
        ReadOnlySpan<int> trunk = TrunkJoints;
        for (var i = 0; i < trunk.Length; i++)
        {
            if (!visible[trunk[i]]) continue;
            sum += p[trunk[i]];
            n++;
            mask |= 1 << i;
        }
        for (var i = 0; i < trunk.Length; i += 2)
        {
            if (!visible[trunk[i]] || !visible[trunk[i + 1]]) continue;
            torso += Vector2.Distance(p[trunk[i]], p[trunk[i + 1]]);
            sides++;
        }
        return sides == 0 || torso / sides < 1e-4 ? null : (sum / n, torso / sides, mask);
    }

    /// <summary>
    /// Every joint relative to the trunk centre (<see cref="Trunk"/>) in torso lengths: x, y per COCO joint (34
    /// values), NaN for a joint scoring under <paramref name="minScore"/>; null when the trunk is not seen.
    /// </summary>
    public static double[]? TrunkPose(IReadOnlyList<Keypoint> k, double minScore)
    {
        Span<bool> visible = stackalloc bool[CocoKeypoints.Count];
        Span<Vector2> points = stackalloc Vector2[CocoKeypoints.Count];
        for (var i = 0; i < CocoKeypoints.Count; i++)
        {
            visible[i] = k[i].Score >= minScore && float.IsFinite(k[i].X) && float.IsFinite(k[i].Y);
            points[i] = new Vector2(k[i].X, k[i].Y);
        }
        if (Trunk(points, visible) is not { } trunk) return null;
        var pose = new double[CocoKeypoints.Count * 2];
        for (var i = 0; i < CocoKeypoints.Count; i++)
        {
            pose[2 * i] = visible[i] ? (points[i].X - trunk.Centre.X) / trunk.Torso : double.NaN;
            pose[(2 * i) + 1] = visible[i] ? (points[i].Y - trunk.Centre.Y) / trunk.Torso : double.NaN;
        }
        return pose;
    }

    /// <summary>
    /// Shoulder width over torso length: near 0 seen from the side, about 0.7 to 0.9 seen from the front.
    /// </summary>
    public static double? ShoulderRatio(ReadOnlySpan<Vector2> p, ReadOnlySpan<bool> visible)
    {
        int ls = (int)CocoKeypoint.LeftShoulder, rs = (int)CocoKeypoint.RightShoulder;
        if (!visible[ls] || !visible[rs] || Trunk(p, visible) is not { } trunk) return null;
        return Vector2.Distance(p[ls], p[rs]) / trunk.Torso;
    }
}
