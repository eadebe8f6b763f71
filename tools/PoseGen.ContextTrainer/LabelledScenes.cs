using System.Diagnostics;
using PoseGen.TestSupport;

namespace PoseGen.ContextTrainer;

/// <summary>One labelled photo: its first environment and outfit are what the model learns, the rest are also accepted
/// when scoring. <see cref="Group"/> ties photos of one place (frames of one clip, two shots of one room) so that
/// leave-one-out leaves the whole group out. <see cref="Outfit"/> is empty where nobody's outfit was
/// labelled.</summary>
internal sealed record Sample(string Set, string File, double? FrameSeconds, string Group, string[] Environment,
    string[] Outfit);

/// <summary>
/// The labelled photos: the fixture scenes (scenes/labels.csv with free-text labels, scenes/more/labels.csv with our
/// ids) and the team's own labels of the other fixture photos and clip frames (more-labels.csv beside this file:
/// people/, pairs/ and one frame per clip, labelled by looking at each; a photo whose place fits none of our
/// environments, such as a stadium, a shop or a restaurant kitchen, is left out).
/// </summary>
internal static class LabelledScenes
{
    public const string Scenes = "scenes (first 10)";
    public const string ScenesMore = "scenes/more";
    public const string Team = "other fixture photos (team labels)";

    public static List<Sample> Load(string moreLabelsCsv)
    {
        var samples = new List<Sample>();
        foreach (var (file, env, outfit) in SceneFixtureLabels.Load(RepoPaths.Fixture("scenes", "labels.csv")))
            samples.Add(new Sample(Scenes, Path.Combine("scenes", file), null, "scenes/" + file, env, outfit));
        samples.AddRange(Rows(RepoPaths.Fixture("scenes", "more", "labels.csv"), ScenesMore, "scenes/more"));
        samples.AddRange(Rows(moreLabelsCsv, Team, null));
        return samples;
    }

    /// <summary>
    /// The photo's bytes: the file itself, or the clip's frame at <see cref="Sample.FrameSeconds"/> as PNG.
    /// </summary>
    public static byte[] Read(Sample sample)
    {
        var path = RepoPaths.Fixture(sample.File.Split('/', Path.DirectorySeparatorChar));
        if (sample.FrameSeconds is not { } seconds)
            return File.ReadAllBytes(path);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-nostdin", "-loglevel", "error", "-ss",
            seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "-i", path, "-frames:v", "1", "-f", "image2pipe", "-c:v", "png", "-" })
            start.ArgumentList.Add(arg);
        using var ffmpeg = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        using var png = new MemoryStream();
        var error = ffmpeg.StandardError.ReadToEndAsync();
        ffmpeg.StandardOutput.BaseStream.CopyTo(png);
        ffmpeg.WaitForExit();
        if (ffmpeg.ExitCode != 0 || png.Length == 0)
            throw new InvalidOperationException($"ffmpeg could not read a frame of {sample.File}: {error.Result}");
        return png.ToArray();
    }

    // Columns: file, environment, outfit, alternatives ("env:a|b;outfit:c"), then an optional group. A file written
    // "clip.mp4@4" is the clip's frame at 4 s.
    private static IEnumerable<Sample> Rows(string csv, string set, string? folder)
    {
        foreach (var row in File.ReadAllLines(csv).Skip(1).Where(l => l.Length > 0).Select(Csv.Fields))
        {
            var alternatives = row[3].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(':'))
                .ToList();
            string[] Accepted(string key, string primary) => primary.Length == 0 ? [] :
                [Outfit(primary), .. alternatives.Where(a => a[0] == key).SelectMany(a => a[1].Split('|'))
                    .Select(Outfit)];
            var (file, frame) = row[0].Split('@') is [var f, var t]
                ? (f, (double?)double.Parse(t, System.Globalization.CultureInfo.InvariantCulture))
                : (row[0], null);
            var path = folder is null ? file : $"{folder}/{file}";
            var group = row.Length > 4 && row[4].Length > 0 ? row[4] : path;
            yield return new Sample(set, path, frame, group, Accepted("env", row[1]), Accepted("outfit", row[2]));
        }
    }

    // labels.csv of scenes/more says "business" for what our vocabulary calls business-casual.
    private static string Outfit(string label) => label == "business" ? "business-casual" : label;
}
