using System.Text.Json;
using System.Text.Json.Serialization;
using PoseGen.Core.Profiles;

namespace PoseGen.Core.Library;

/// <summary>
/// Reads the library's JSON files (Library/Data/*.json, embedded). Angles: "root" is [pitch, roll, yaw]; each entry of
/// "joints" is [flex, side, twist] for spine, neck, shoulders and hips, [flex] for elbows, knees and ankles, all in
/// degrees as defined on <see cref="JointRotation"/>. Joints left out stay in the anatomical standing position.
/// </summary>
internal static class PoseLibraryJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static IReadOnlyList<LibraryPose> Read(Stream json, string source)
    {
        var dtos = JsonSerializer.Deserialize<List<PoseDto>>(json, Options)
            ?? throw new InvalidDataException($"{source}: empty pose list.");
        return dtos.Select(d => ToPose(d, source)).ToArray();
    }

    private static LibraryPose ToPose(PoseDto d, string source)
    {
        var joints = new Dictionary<Joint, JointRotation>();
        foreach (var (name, v) in d.Joints)
        {
            if (!Enum.TryParse<Joint>(name, ignoreCase: true, out var joint) || v.Length is < 1 or > 3)
                throw new InvalidDataException($"{source}/{d.Id}: bad joint entry '{name}'.");
            joints[joint] = new JointRotation(v[0], v.Length > 1 ? v[1] : 0, v.Length > 2 ? v[2] : 0);
        }
        if (d.Root.Length != 3) throw new InvalidDataException($"{source}/{d.Id}: root must be [pitch, roll, yaw].");
        return new LibraryPose
        {
            Id = d.Id, Name = d.Name, Sanskrit = d.Sanskrit, Category = d.Category, Kind = d.Kind, Family = d.Family,
            Difficulty = d.Difficulty, Muscles = d.Muscles, Benefits = d.Benefits, Focus = d.Focus, Moods = d.Moods,
            Tags = d.Tags, Environments = d.Environments, Outfits = d.Outfits, Contraindications = d.Contraindications,
            Cues = d.Cues, ProgressesFrom = d.ProgressesFrom, ProgressesTo = d.ProgressesTo, Supports = d.Supports,
            Prop = d.Prop, Airborne = d.Airborne,
            Angles = new BodyPosture(new RootOrientation(d.Root[0], d.Root[1], d.Root[2]), joints),
        };
    }

    private sealed record PoseDto(
        string Id, string Name, string? Sanskrit, PoseCategory Category, PoseKind Kind, string Family, Level Difficulty,
        string[] Muscles, string[] Benefits, string[] Focus, string[] Moods, string[] Tags, string[] Environments,
        string[] Outfits, string[] Contraindications, string[] Cues, string[] ProgressesFrom, string[] ProgressesTo,
        Support[] Supports, double[] Root, Dictionary<string, double[]> Joints, PoseProp Prop = PoseProp.None,
        double Airborne = 0);
}
