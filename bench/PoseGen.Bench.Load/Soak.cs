using System.Globalization;

namespace PoseGen.Bench.Load;

/// <summary>
/// The app's resident memory (VmRSS from /proc/PID/status) read before, every 30 s during, and after a long run.
/// </summary>
public sealed class Soak(int serverPid)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly List<(double AtS, long Kib)> _readings = [];

    public IReadOnlyList<(double AtS, long Kib)> Readings => _readings;

    /// <summary>VmRSS of the app in KiB.</summary>
    public long ResidentKib()
    {
        var line = File.ReadLines($"/proc/{serverPid}/status").First(l =>
            l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    public void Read(double atS) => _readings.Add((atS, ResidentKib()));

    /// <summary>
    /// Reads every <see cref="Interval"/> until <paramref name="stop"/>, timed from <paramref name="clock"/>'s start.
    /// </summary>
    public async Task SampleAsync(System.Diagnostics.Stopwatch clock, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                Read(clock.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException)
        {
            // The run is over; "after" is read by the caller.
        }
    }

    /// <summary>
    /// Growth is judged on the second half of the run against the first: a heap that settles reaches its size within
    /// the first minutes (GC heap sized to the load, ONNX Runtime's arenas, libvips' caches) and stays there; a leak
    /// keeps climbing. "Grew" when the highest reading of the second half is more than 5% above the highest of the
    /// first half (the 5% allows for the GC's own breathing between collections).
    /// </summary>
    public (bool Grew, string Reading) Verdict()
    {
        var end = _readings[^1].AtS;
        var firstHalf = _readings.Where(r => r.AtS <= end / 2).Max(r => r.Kib);
        var secondHalf = _readings.Where(r => r.AtS > end / 2).Max(r => r.Kib);
        var change = (double)secondHalf / firstHalf - 1;
        var grew = change > 0.05;
        return (grew, string.Create(CultureInfo.InvariantCulture,
            $"highest in the first half {Mib(firstHalf)}, in the second half {Mib(secondHalf)} " +
            $"({change:+0.0%;-0.0%}): {(grew ? "GREW" : "no growth")}"));
    }

    public string Table()
    {
        var lines = new List<string> { "| at | app RSS |", "|---:|---:|" };
        lines.AddRange(_readings.Select((r, i) => string.Create(CultureInfo.InvariantCulture,
            $"| {(i == 0 ? "before" : i == _readings.Count - 1 ? "after" : $"{r.AtS:F0} s")} | {Mib(r.Kib)} |")));
        return string.Join(Environment.NewLine, lines);
    }

    public static string Mib(long kib) => string.Create(CultureInfo.InvariantCulture, $"{kib / 1024.0:F0} MiB");
}
