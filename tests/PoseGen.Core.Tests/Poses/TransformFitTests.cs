using PoseGen.Core.Poses.Alignment;

namespace PoseGen.Core.Tests.Poses;

public class TransformFitTests
{
    private static readonly (double X, double Y)[] Points = [(0, 0), (100, 0), (0, 200), (150, 170), (30, -40),
        (-60, 90)];

    private static Correspondence[] Through(PlanarTransform t, IEnumerable<(double X, double Y)> points) =>
        [.. points.Select(p => { var (u, v) = t.Apply(p.X, p.Y); return new Correspondence(p.X, p.Y, u, v, 1); })];

    private static void AssertSameMap(PlanarTransform expected, PlanarTransform? actual, double tolerance = 1e-6)
    {
        Assert.NotNull(actual);
        foreach (var (x, y) in new[] { (0.0, 0.0), (500.0, -300.0), (-250.0, 400.0), (77.0, 33.0) })
        {
            var (ex, ey) = expected.Apply(x, y);
            var (ax, ay) = actual.Value.Apply(x, y);
            Assert.Equal(ex, ax, tolerance);
            Assert.Equal(ey, ay, tolerance);
        }
    }

    [Fact]
    public void RecoversAKnownSimilarityExactly()
    {
        var truth = PlanarTransform.Similarity(1.7, 0.6, 40, -25);
        var fit = TransformFit.Similarity(Through(truth, Points));
        AssertSameMap(truth, fit);
        Assert.Equal(1.7, fit!.Value.LinearScale, 9);
        Assert.Equal(0.6, fit.Value.RotationRad, 9);
    }

    [Fact]
    public void RecoversAKnownAffineMapExactly()
    {
        var truth = PlanarTransform.Affine(1.2, 0.35, 12, -0.25, 0.7, 90);
        AssertSameMap(truth, TransformFit.Affine(Through(truth, Points)));
    }

    [Fact]
    public void RecoversAKnownHomographyExactlyFromFourAndFromMorePoints()
    {
        var truth = new PlanarTransform(0.9, 0.1, 20, -0.05, 1.1, 10, 0.0004, -0.0002, 1);
        AssertSameMap(truth, TransformFit.Homography(Through(truth, Points)));
        AssertSameMap(truth, TransformFit.Homography(Through(truth, Points.Take(4))));
    }

    [Fact]
    public void SimilarityFitIsTheLeastSquaresOneUnderNoise()
    {
        var truth = PlanarTransform.Similarity(0.8, -0.3, 5, 7);
        var noisy = Through(truth, Points).Select((c, i) => c with { U = c.U + ((i % 2 == 0) ? 1.5 : -1.5) }).ToArray();
        var fit = TransformFit.Similarity(noisy)!.Value;
        double Cost(PlanarTransform t) => noisy.Sum(c => Math.Pow(t.Apply(c.X, c.Y).X - c.U, 2)
            + Math.Pow(t.Apply(c.X, c.Y).Y - c.V, 2));
        // Any nudge of the closed-form solution must not lower the squared error.
        foreach (var nudge in new[] { PlanarTransform.Similarity(1.001, 0, 0, 0),
            PlanarTransform.Similarity(1, 0.001, 0, 0), PlanarTransform.Similarity(1, 0, 0.01, 0) })
            Assert.True(Cost(nudge.After(fit)) >= Cost(fit));
    }

    [Fact]
    public void ZeroWeightPointsAreIgnored()
    {
        var truth = PlanarTransform.Affine(1.1, 0.2, 3, -0.1, 0.9, 4);
        var points = Through(truth, Points);
        points[0] = points[0] with { U = 9999, W = 0 };
        AssertSameMap(truth, TransformFit.Affine(points));
    }

    [Fact]
    public void DegenerateConfigurationsGiveNoTransform()
    {
        var collinear = Through(PlanarTransform.Identity, [(0, 0), (1, 1), (2, 2), (3, 3)]);
        Assert.Null(TransformFit.Affine(collinear));
        Assert.Null(TransformFit.Homography(collinear));
        Assert.Null(TransformFit.Similarity(Through(PlanarTransform.Identity, [(5, 5), (5, 5)])));
        Assert.Null(TransformFit.Homography(Through(PlanarTransform.Identity, Points.Take(3))));
    }

    [Fact]
    public void ComposesTransformsInApplicationOrder()
    {
        var first = PlanarTransform.Similarity(2, 0, 1, 0);
        var second = PlanarTransform.Similarity(1, Math.PI / 2, 0, 0);
        var (x, y) = second.After(first).Apply(1, 0);
        Assert.Equal(0, x, 9);
        Assert.Equal(3, y, 9);
    }
}
