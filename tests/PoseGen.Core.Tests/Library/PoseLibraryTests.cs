using PoseGen.Core.Library;

namespace PoseGen.Core.Tests.Library;

public class PoseLibraryTests
{
    private static readonly PoseLibrary Lib = PoseLibrary.Default;

    public static TheoryData<string> PoseIds()
    {
        var data = new TheoryData<string>();
        foreach (var p in PoseLibrary.Default.All) data.Add(p.Id);
        return data;
    }

    [Fact]
    public void HoldsAtLeastSixtyPosesWithTwentyPerCategory()
    {
        Assert.True(Lib.All.Count >= 60, $"{Lib.All.Count} poses");
        foreach (var c in Enum.GetValues<PoseCategory>())
            Assert.True(Lib.All.Count(p => p.Category == c) >= 20, $"{c}: {Lib.All.Count(p => p.Category == c)}");
    }

    [Fact]
    public void PhotoPosesCoverStandingSittingLeaningWalkingJumpingAndDance()
    {
        var kinds = Lib.All.Where(p => p.Category == PoseCategory.Photo).Select(p => p.Kind).ToHashSet();
        foreach (var k in new[] { PoseKind.Standing, PoseKind.Sitting, PoseKind.Leaning, PoseKind.Walking,
            PoseKind.Jumping, PoseKind.Dance })
            Assert.Contains(k, kinds);
    }

    [Theory]
    [MemberData(nameof(PoseIds))]
    public void RespectsJointLimits(string id) => Assert.Empty(JointLimits.Violations(Lib.Find(id)!.Angles));

    [Theory]
    [MemberData(nameof(PoseIds))]
    public void StandsOnItsDeclaredSupports(string id)
    {
        var pose = Lib.Find(id)!;
        var body = Lib.Ground(pose).Body;
        // Lowest surface exactly on the floor (or at the jump height).
        Assert.Equal(pose.Airborne, Contacts.Lowest(body), 3);
        if (pose.Airborne > 0)
        {
            Assert.Empty(pose.Supports);
            return;
        }
        Assert.NotEmpty(pose.Supports);
        foreach (var s in pose.Supports)
        {
            var target = pose.Prop == PoseProp.Chair && s == Support.Hips
                ? Grounding.ChairSeatRatio * body.Proportions.Height : 0;
            // 5 cm: the body surface is approximated by spheres around the joints.
            Assert.True(Math.Abs(Contacts.Height(body, s) - target) <= 0.05,
                $"{s} is {Contacts.Height(body, s):0.000} m above its surface");
        }
    }

    [Theory]
    [MemberData(nameof(PoseIds))]
    public void IsGroundedWithoutTiltingFarFromItsAuthoredOrientation(string id)
    {
        // The grounding solver may tilt a pose by up to 30 degrees; needing more than 15 means the authored angles are
        // off.
        var pose = Lib.Find(id)!;
        var root = Lib.Ground(pose).Root;
        Assert.InRange(Math.Abs(root.Pitch - pose.Angles.Root.Pitch), 0, 15);
        Assert.InRange(Math.Abs(root.Roll - pose.Angles.Root.Roll), 0, 15);
    }

    [Theory]
    [MemberData(nameof(PoseIds))]
    public void KeepsItsCentreOfMassOverTheSupports(string id)
    {
        var pose = Lib.Find(id)!;
        if (pose.Airborne > 0 || pose.Prop != PoseProp.None) return;
        var body = Lib.Ground(pose).Body;
        var com = Contacts.CentreOfMass(body);
        var footprint = pose.Supports.SelectMany(s => Contacts.Footprint(body, s)).ToArray();
        var dx = Math.Max(0, Math.Max(footprint.Min(f => f.X) - com.X, com.X - footprint.Max(f => f.X)));
        var dz = Math.Max(0, Math.Max(footprint.Min(f => f.Y) - com.Z, com.Z - footprint.Max(f => f.Y)));
        Assert.True(Math.Max(dx, dz) <= 0.15, $"centre of mass {dx:0.00} / {dz:0.00} m outside the supports");
    }

    [Theory]
    [MemberData(nameof(PoseIds))]
    public void RendersWithoutSelfContradiction(string id)
    {
        var pose = Lib.Find(id)!;
        var body = Lib.Ground(pose).Body;
        Assert.All(body.Points, p => Assert.True(float.IsFinite(p.X) && float.IsFinite(p.Y) && float.IsFinite(p.Z)));
        foreach (var (a, b) in Bones.Limbs)
            Assert.InRange(Math.Abs(Bones.NominalLength(a, b, body.Proportions) - (body[b] - body[a]).Length()), 0,
                1e-4);
        Assert.Empty(PoseRules.Violations(pose, body));
        foreach (var view in Enum.GetValues<PoseView>())
        {
            var projected = Lib.Project(pose, view);
            var coco = projected.ToCoco();
            Assert.Equal(17, coco.Keypoints.Count);
            Assert.All(coco.Keypoints, k => Assert.InRange(k.X, 0, 512));
            Assert.All(coco.Keypoints, k => Assert.InRange(k.Y, 0, 512));
            // A projected bone is never longer than the bone itself.
            foreach (var (a, b) in Bones.Limbs)
                Assert.True((projected[b] - projected[a]).Length() <= (Bones.NominalLength(a, b, body.Proportions)
                    * projected.Scale) + 0.01);
        }
    }

    [Fact]
    public void ProgressionsReferenceExistingPosesBothWaysAndFormNoCycle()
    {
        foreach (var p in Lib.All)
        {
            foreach (var to in p.ProgressesTo) Assert.NotNull(Lib.Find(to));
            foreach (var from in p.ProgressesFrom) Assert.NotNull(Lib.Find(from));
            foreach (var to in p.ProgressesTo) Assert.Contains(p.Id, Lib.Find(to)!.ProgressesFrom);
            foreach (var from in p.ProgressesFrom) Assert.Contains(p.Id, Lib.Find(from)!.ProgressesTo);
        }
        var state = new Dictionary<string, int>();
        bool Cycle(string id)
        {
            if (state.TryGetValue(id, out var s)) return s == 1;
            state[id] = 1;
            if (Lib.Find(id)!.ProgressesTo.Any(Cycle)) return true;
            state[id] = 2;
            return false;
        }
        Assert.DoesNotContain(Lib.All, p => Cycle(p.Id));
    }

    [Fact]
    public void EveryPoseIsDescribedForTheUser()
    {
        Assert.Equal(Lib.All.Count, Lib.All.Select(p => p.Id).Distinct().Count());
        Assert.All(Lib.All, p =>
        {
            Assert.True(p.Cues.Count >= 3, p.Id);
            Assert.NotEmpty(p.Environments);
            Assert.NotEmpty(p.Outfits);
            Assert.NotEmpty(p.Benefits);
            if (p.Category == PoseCategory.Yoga) Assert.False(string.IsNullOrWhiteSpace(p.Sanskrit), p.Id);
        });
    }

    [Fact]
    public void ScalesWithTheUsersHeight()
    {
        var mountain = Lib.Find("mountain")!;
        var tall = Lib.Ground(mountain, BodyProportions.ForHeight(1.90)).Body;
        var small = Lib.Ground(mountain, BodyProportions.ForHeight(1.50)).Body;
        var ratio = tall[BodyPoint.HeadCenter].Y / small[BodyPoint.HeadCenter].Y;
        Assert.InRange(ratio, (1.90 / 1.50) - 0.01, (1.90 / 1.50) + 0.01);
    }
}
