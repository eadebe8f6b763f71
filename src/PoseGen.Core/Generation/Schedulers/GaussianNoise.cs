namespace PoseGen.Core.Generation.Schedulers;

/// <summary>
/// Seeded standard-normal noise (Box-Muller over <see cref="Random"/>'s seeded generator), so a seed reproduces a
/// generation on any machine running this code. Not bit-compatible with torch's generator.
/// </summary>
public sealed class GaussianNoise(int seed)
{
    private readonly Random _random = new(seed);
    private double? _spare;

    public double Next()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        var radius = Math.Sqrt(-2 * Math.Log(u1));
        _spare = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }

    public void Fill(Span<float> destination, double scale = 1)
    {
        for (var i = 0; i < destination.Length; i++) destination[i] = (float)(Next() * scale);
    }
}
