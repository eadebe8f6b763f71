using PoseGen.Core.Poses;

namespace PoseGen.Core.Tests.Poses;

public sealed class PoseAccuracyTests
{
    private static LabelledKeypoint[] Truth()
    {
        var t = new LabelledKeypoint[17];
        for (var i = 0; i < 17; i++)
            t[i] = new LabelledKeypoint(100 + i, 200, 2);
        // Torso diagonal left shoulder (105, 200) to right hip (112, 224): 7-24-25 triangle, 25 px.
        t[(int)CocoKeypoint.RightHip] = new LabelledKeypoint(112, 224, 2);
        return t;
    }

    private static Keypoint[] Exact(LabelledKeypoint[] truth) => truth.Select(t => new Keypoint(t.X, t.Y, 1)).ToArray();

    [Fact]
    public void OksIsOneForAPerfectPrediction()
    {
        var truth = Truth();
        Assert.Equal(1.0, PoseAccuracy.Oks(Exact(truth), truth, 5000), 9);
    }

    [Fact]
    public void OksFollowsTheCocoFormulaForOneOffsetKeypoint()
    {
        var truth = Truth();
        var predicted = Exact(truth);
        predicted[0] = predicted[0] with { X = predicted[0].X + 10 };

        // Nose sigma 0.026: exp(-100 / (2 * 5000 * (0.052)^2)) for the nose, 1 for the other 16.
        var expected = (Math.Exp(-100 / (2 * 5000 * 0.052 * 0.052)) + 16) / 17;
        Assert.Equal(expected, PoseAccuracy.Oks(predicted, truth, 5000), 6);
    }

    [Fact]
    public void OksIgnoresUnlabelledKeypoints()
    {
        var truth = Truth();
        truth[0] = new LabelledKeypoint(0, 0, 0);
        var predicted = Exact(truth);
        predicted[0] = new Keypoint(900, 900, 1);

        Assert.Equal(1.0, PoseAccuracy.Oks(predicted, truth, 5000), 9);
    }

    [Fact]
    public void PckCountsKeypointsWithinAFifthOfTheTorsoDiagonal()
    {
        var truth = Truth();
        var predicted = Exact(truth);
        predicted[0] = predicted[0] with { X = predicted[0].X + 5 };   // 5 px = 0.2 x 25: still correct
        predicted[1] = predicted[1] with { Y = predicted[1].Y + 5.1f }; // just outside

        Assert.Equal(25.0, PoseAccuracy.TorsoSize(truth)!.Value, 6);
        Assert.Equal((16, 17), PoseAccuracy.PckCounts(predicted, truth));
    }

    [Fact]
    public void PckFallsBackToTheOtherDiagonalAndScoresNothingWithoutATorso()
    {
        var truth = Truth();
        truth[(int)CocoKeypoint.RightHip] = new LabelledKeypoint(0, 0, 0);
        Assert.Equal(Math.Abs(106 - 111), PoseAccuracy.TorsoSize(truth)!.Value, 6);

        truth[(int)CocoKeypoint.LeftHip] = new LabelledKeypoint(0, 0, 0);
        Assert.Null(PoseAccuracy.TorsoSize(truth));
        Assert.Equal((0, 15), PoseAccuracy.PckCounts(Exact(truth), truth));
    }
}
