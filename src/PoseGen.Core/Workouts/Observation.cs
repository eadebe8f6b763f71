using System.Numerics;

namespace PoseGen.Core.Workouts;

/// <summary>
/// What one frame shows for one exercise view: the rep signal, each check's value (the signal for checks without their
/// own measure; null when not measurable), and the trunk centre and length used by the settle-in. A frame with a
/// <see cref="Problem"/> (required joints unseen, posture wrong) is not used.
/// </summary>
internal readonly record struct Observation(string? Problem, double? Signal, double?[] Checks, Vector2 Centre,
    float Torso)
{
    private const string NotVisible = "Step into full view of the camera";

    /// <param name="jointCarrySeconds">How long a joint a one-side measure needs stays seen after it was last detected
    /// (<see cref="CounterSettings.JointCarrySeconds"/>).</param>
    public static Observation Take(CompiledExercise exercise, CompiledView view, KeypointSmoother smoother,
        double? similarity, double jointCarrySeconds)
    {
        var p = smoother.Points;
        var visible = smoother.Visible;
        // The shoulders and hips move little in most exercises, and a pose model can lose them for a while in poor
        // light (the hips at the bottom edge of a dim close-up): for the trunk and the required joints, each stands in
        // at its smoothed position for as long as the counter tolerates losing sight of the person anyway. The
        // signal and checks below still read only the joints seen now.
        var trunkSeen = (bool[])visible.Clone();
        var carried = smoother.SeenWithin(exercise.Definition.MaxGapSeconds);
        foreach (var joint in CompiledExercise.TrunkJoints)
            trunkSeen[joint] = carried[joint];
        if (!exercise.RequiredVisible(trunkSeen) || CompiledExercise.Trunk(p, trunkSeen) is not { } trunk)
            return Failed(NotVisible);
        foreach (var posture in view.Posture)
        {
            // A posture on joints beyond the required ones (the ankles of a curl filmed from the waist up) is judged
            // only when they are seen; the trunk joints standing in above are judged where they stand.
            if (posture.Measure!.Evaluate(p, trunkSeen, similarity) is { } value && !posture.Passes(value))
                return Failed(posture.Definition.Cue);
        }
        double? signal = null;
        // A measure that picks one side reads joints seen a moment ago as seen (see CounterSettings.JointCarrySeconds).
        var recent = smoother.SeenWithin(jointCarrySeconds);
        if (view.Signal is not null)
        {
            signal = view.Signal.Evaluate(p, view.Signal.PicksASide ? recent : visible, similarity);
            if (signal is null) return Failed(NotVisible);
        }
        var checks = new double?[view.Checks.Length];
        for (var i = 0; i < checks.Length; i++)
        {
            checks[i] = view.Checks[i].Measure is { } m ? m.Evaluate(p, m.PicksASide ? recent : visible, similarity)
                : signal;
            if (checks[i] is null && exercise.Definition.Kind == ExerciseKind.Hold)
                return Failed(view.Checks[i].Measure!.Kind == MeasureKind.Similarity ? "Waiting for the pose comparison"
                    : NotVisible);
        }
        return new Observation(null, signal, checks, trunk.Centre, trunk.Torso);
    }

    private static Observation Failed(string problem) => new(problem, null, [], default, 0);
}
