using System.Collections.Concurrent;
using PoseGen.Core.Context;

namespace PoseGen.Core.Library;

/// <summary>
/// The pose library: poses loaded from the embedded JSON data, grounded by forward kinematics for any body proportions,
/// and projected for a camera view. Thread-safe; grounded bodies for the default proportions are cached.
/// </summary>
public sealed class PoseLibrary
{
    private static readonly Lazy<PoseLibrary> Embedded = new(LoadEmbedded);
    private readonly Dictionary<string, LibraryPose> _byId;
    private readonly ConcurrentDictionary<string, GroundedBody> _defaultBodies = new();

    public PoseLibrary(IEnumerable<LibraryPose> poses)
    {
        ArgumentNullException.ThrowIfNull(poses);
        All = poses.ToArray();
        _byId = new Dictionary<string, LibraryPose>(StringComparer.Ordinal);
        foreach (var p in All)
        {
            if (!_byId.TryAdd(p.Id, p)) throw new InvalidDataException($"Duplicate pose id '{p.Id}'.");
            CheckLabels(p);
        }
    }

    /// <summary>The library shipped with PoseGen (Library/Data/*.json).</summary>
    public static PoseLibrary Default => Embedded.Value;

    public IReadOnlyList<LibraryPose> All { get; }

    public LibraryPose? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The pose on the floor for the given body (default adult when null).</summary>
    public GroundedBody Ground(LibraryPose pose, BodyProportions? body = null)
    {
        ArgumentNullException.ThrowIfNull(pose);
        if (body is null || body == BodyProportions.Default)
            return _defaultBodies.GetOrAdd(pose.Id, _ => Solve(pose, BodyProportions.Default));
        return Solve(pose, body);
    }

    public ProjectedBody Project(LibraryPose pose, PoseView view, BodyProportions? body = null, int width = 512,
        int height = 512) =>
        PoseProjection.Project(Ground(pose, body).Body, view, width, height);

    /// <summary>The pose as a mannequin SVG (with its chair, if it uses one) for a size x size canvas.</summary>
    public string MannequinSvg(LibraryPose pose, PoseView view, BodyProportions? body = null, int size = 512)
    {
        ArgumentNullException.ThrowIfNull(pose);
        return Library.MannequinSvg.Render(Project(pose, view, body, size, size), pose.Prop);
    }

    /// <summary>The pose as an OpenPose-style skeleton SVG on black for a size x size canvas.</summary>
    public string OpenPoseSvg(LibraryPose pose, PoseView view, BodyProportions? body = null, int size = 512) =>
        Library.OpenPoseSvg.Render(Project(pose, view, body, size, size));

    private static GroundedBody Solve(LibraryPose pose, BodyProportions body) =>
        Grounding.Ground(pose.Angles, body, pose.Supports, pose.Prop, pose.Airborne);

    private static void CheckLabels(LibraryPose p)
    {
        void Check(IEnumerable<string> values, IReadOnlyDictionary<string, string> allowed, string what)
        {
            var unknown = values.Where(v => !allowed.ContainsKey(v)).ToArray();
            if (unknown.Length > 0) throw new InvalidDataException(
                $"Pose '{p.Id}': unknown {what} {string.Join(", ", unknown)}.");
        }
        Check(p.Environments, ContextLabels.Environments, "environment");
        Check(p.Outfits, ContextLabels.Outfits, "outfit");
        Check(p.Focus, ContextLabels.BodyFocus, "focus");
        Check(p.Moods, ContextLabels.Moods, "mood");
        Check(p.Contraindications, ContextLabels.Limitations, "contraindication");
    }

    private static PoseLibrary LoadEmbedded()
    {
        var assembly = typeof(PoseLibrary).Assembly;
        const string prefix = "PoseGen.Core.Library.Data.";
        var poses = new List<LibraryPose>();
        foreach (var name in assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            poses.AddRange(PoseLibraryJson.Read(stream, name));
        }
        return new PoseLibrary(poses);
    }
}
