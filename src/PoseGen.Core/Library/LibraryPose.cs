using PoseGen.Core.Profiles;

namespace PoseGen.Core.Library;

public enum PoseCategory { Yoga, Fitness, Photo }

/// <summary>The broad shape of a pose, used for diversity and for the floor/standing rules.</summary>
public enum PoseKind { Standing, Balancing, Sitting, Kneeling, Lying, Plank, Inversion, Leaning, Walking, Jumping,
    Dance }

/// <summary>
/// One pose of the library. Environments, outfits, focus, moods and contraindications use the ids of
/// <see cref="Context.ContextLabels"/>. <see cref="Family"/> groups variations of one pose (no ten warriors in a row).
/// </summary>
public sealed record LibraryPose
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Sanskrit { get; init; }
    public required PoseCategory Category { get; init; }
    public required PoseKind Kind { get; init; }
    public required string Family { get; init; }
    public required Level Difficulty { get; init; }
    public required IReadOnlyList<string> Muscles { get; init; }
    public required IReadOnlyList<string> Benefits { get; init; }
    public required IReadOnlyList<string> Focus { get; init; }
    public required IReadOnlyList<string> Moods { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public required IReadOnlyList<string> Environments { get; init; }
    public required IReadOnlyList<string> Outfits { get; init; }
    public required IReadOnlyList<string> Contraindications { get; init; }
    public required IReadOnlyList<string> Cues { get; init; }
    public required IReadOnlyList<string> ProgressesFrom { get; init; }
    public required IReadOnlyList<string> ProgressesTo { get; init; }
    public required IReadOnlyList<Support> Supports { get; init; }
    public PoseProp Prop { get; init; }

    /// <summary>
    /// Height of the lowest point above the floor for poses caught mid-jump, metres; 0 for everything else.
    /// </summary>
    public double Airborne { get; init; }

    public required BodyPosture Angles { get; init; }

    /// <summary>
    /// Anything but feet (and a chair seat) on the floor: needs clean ground and clothes that allow kneeling or lying.
    /// </summary>
    public bool IsFloorPose => Supports.Any(s => s is not (Support.LeftFoot or Support.RightFoot)
        && !(s == Support.Hips && Prop == PoseProp.Chair));
}
