using PoseGen.Core.Poses;
using PoseGen.Core.Poses.Alignment;
using PoseGen.Core.Poses.Reading;

namespace PoseGen.Core.Tests.Poses;

public sealed class PoseReaderTests
{
    private static PoseReading Read(Keypoint[] pose) => PoseReader.Read(pose, KeypointLayout.Coco17);

    [Fact]
    public void StandingPersonReadsUprightStraightLeggedAndLevel()
    {
        var reading = Read(SyntheticPoses.Standing());

        Assert.Equal(["Upper body upright.", "Both legs straight.", "Hips level."], reading.Observations);
        Assert.Equal(8, reading.Angles.Count);
        var leftKnee = Assert.Single(reading.Angles, a => a.Name == "left_knee");
        Assert.Equal("left knee", leftKnee.Label);
        Assert.InRange(leftKnee.Degrees, 170, 180);
        Assert.Equal((228f, 340f), ((float)leftKnee.X, (float)leftKnee.Y));
    }

    [Fact]
    public void BentKneeIsNamedWithHowFarAndWhetherTheShinStaysOverTheAnkle()
    {
        var reading = Read(SyntheticPoses.BendKnee(SyntheticPoses.Standing(), left: true, degrees: 60));

        // Bending at the knee alone swings the shin out 60 degrees from vertical: not stacked over the ankle.
        Assert.Contains("Left knee bent about 60 degrees, shin tilted about 60 degrees.", reading.Observations);
        Assert.InRange(Assert.Single(reading.Angles, a => a.Name == "left_knee").Degrees, 115, 125);
    }

    [Fact]
    public void LeaningTrunkIsNamedInThePersonsOwnLeftAndRight()
    {
        // The person faces the camera, so leaning toward image right is leaning to their own left.
        var reading = Read(SyntheticPoses.LeanUpperBody(SyntheticPoses.Standing(), 20));

        Assert.Equal("Upper body leans to your left, about 20 degrees.", reading.Observations[0]);
    }

    [Fact]
    public void TiltedHipsSayWhichSideIsHigher()
    {
        var pose = SyntheticPoses.Standing();
        pose[(int)CocoKeypoint.RightHip] = pose[(int)CocoKeypoint.RightHip] with { Y = pose[(int)CocoKeypoint.RightHip]
            .Y - 10 };

        Assert.Contains("Your right hip is higher, the line tilted about 10 degrees.", Read(pose).Observations);
    }

    [Fact]
    public void ArmsRaisedOverheadComeBeforeLevelness()
    {
        var pose = SyntheticPoses.RaiseArm(SyntheticPoses.RaiseArm(SyntheticPoses.Standing(), left: true, 170),
            left: false, 170);

        Assert.Equal(["Upper body upright.", "Both legs straight.", "Both arms overhead."], Read(pose).Observations);
    }

    [Fact]
    public void UnseenJointsGiveNoAngleAndNoObservation()
    {
        var pose = SyntheticPoses.Standing().Select(k => k with { Score = 0.1f }).ToArray();

        var reading = Read(pose);

        Assert.Empty(reading.Angles);
        Assert.Empty(reading.Observations);
    }

    [Fact]
    public void SideViewSaysNothingAboutLevelHips()
    {
        // Seen from the side, both hips sit at one spot across the image: their tilt is noise, not a finding.
        var pose = SyntheticPoses.Standing();
        pose[(int)CocoKeypoint.RightHip] = pose[(int)CocoKeypoint.LeftHip] with { Y = pose[(int)CocoKeypoint.LeftHip].Y
            - 15 };

        Assert.DoesNotContain(Read(pose).Observations, o => o.Contains("hip", StringComparison.OrdinalIgnoreCase));
    }
}
