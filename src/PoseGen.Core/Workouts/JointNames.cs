using PoseGen.Core.Poses;

namespace PoseGen.Core.Workouts;

/// <summary>
/// Resolves the joint names used in exercise data: COCO names ("left_knee") or side-neutral names ("knee").
/// </summary>
internal static class JointNames
{
    private static readonly Dictionary<string, int> Index = CocoKeypoints.Names
        .Select((name, i) => (name, i))
        .ToDictionary(p => p.name, p => p.i, StringComparer.OrdinalIgnoreCase);

    public static bool IsKnown(string name) => Index.ContainsKey(name) || IsSideNeutral(name);

    public static bool IsSideNeutral(string name) =>
        !Index.ContainsKey(name) && Index.ContainsKey("left_" + name) && Index.ContainsKey("right_" + name);

    /// <summary>The keypoint index of <paramref name="name"/>; side-neutral names resolve on the given side.</summary>
    public static int Resolve(string name, bool left) =>
        Index.TryGetValue(name, out var i) ? i : Index[(left ? "left_" : "right_") + name];
}
