using PoseGen.Core.Workouts;

namespace PoseGen.Core.Tests.Workouts;

public class OneEuroFilterTests
{
    private static readonly SmoothingSettings Settings = new(MinCutoffHz: 1.5, Beta: 3, DerivativeCutoffHz: 1);

    private static double LagAfterRamp(SmoothingSettings settings, double speed)
    {
        var filter = default(OneEuroFilter);
        for (var i = 0; i <= 30; i++) filter = filter.Next(speed * i / 30.0, i / 30.0, settings);
        return speed - filter.Value;
    }

    [Fact]
    public void AlphaIsThatOfAFirstOrderLowPass() =>
        Assert.Equal(0.5, OneEuroFilter.Alpha(cutoffHz: 1, dt: 1 / (2 * Math.PI)), 10);

    [Fact]
    public void FirstSampleIsTakenAsIsAndAHeldValueStaysPut()
    {
        var filter = default(OneEuroFilter).Next(0.4, 0, Settings);
        for (var i = 1; i < 20; i++) filter = filter.Next(0.4, i / 30.0, Settings);

        Assert.Equal(0.4, filter.Value, 10);
    }

    [Fact]
    public void NoiseIsDampedWhileHolding()
    {
        var random = new Random(3);
        var filter = default(OneEuroFilter);
        var raw = new List<double>();
        var smoothed = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            var x = 0.5 + ((random.NextDouble() - 0.5) * 0.01);
            filter = filter.Next(x, i / 30.0, Settings);
            raw.Add(x);
            smoothed.Add(filter.Value);
        }
        static double Spread(List<double> v) => v.Skip(30).Max() - v.Skip(30).Min();

        Assert.True(Spread(smoothed) < Spread(raw) * 0.6);
    }

    [Fact]
    public void FastMotionIsFollowedWithLessLagThanByAPlainLowPass()
    {
        var plain = Settings with { Beta = 0 };

        Assert.True(LagAfterRamp(Settings, 1.0) < LagAfterRamp(plain, 1.0) * 0.5);
    }

    [Fact]
    public void RepeatedTimestampIsIgnored()
    {
        var filter = default(OneEuroFilter).Next(1, 0, Settings).Next(2, 0.1, Settings);

        Assert.Equal(filter, filter.Next(100, 0.1, Settings));
    }
}
