using System.Text.Json;
using System.Text.Json.Serialization;

namespace PoseGen.Core.Workouts;

/// <summary>
/// The exercise definitions and counter settings, read from JSON (by default the embedded exercises.json, so thresholds
/// are tuned in data, not code). Parsing validates everything the counter relies on and names each problem.
/// </summary>
public sealed class ExerciseCatalog
{
    private const string ResourceName = "PoseGen.Core.Workouts.exercises.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private static readonly Lazy<ExerciseCatalog> DefaultCatalog = new(LoadEmbedded);

    private readonly Dictionary<string, ExerciseDefinition> _byId;

    private readonly Dictionary<string, ExerciseDefinition> _byName;

    private ExerciseCatalog(CounterSettings settings, IReadOnlyList<ExerciseDefinition> exercises)
    {
        Settings = settings;
        Exercises = exercises;
        _byId = exercises.ToDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);
        _byName = exercises.SelectMany(e => NameKeys(e).Select(key => (key, e))).DistinctBy(p => p.key)
            .ToDictionary(p => p.key, p => p.e, StringComparer.Ordinal);
    }

    public static ExerciseCatalog Default => DefaultCatalog.Value;

    public CounterSettings Settings { get; }

    public IReadOnlyList<ExerciseDefinition> Exercises { get; }

    public ExerciseDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    public ExerciseDefinition Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"Unknown exercise '{id}'.");

    /// <summary>
    /// The exercise a person names, however they write it: its id, its name or one of its aliases, in any case, with
    /// or without spaces, hyphens and underscores, singular or plural ("Push-ups", "pushup", "sit ups", "bicep curl").
    /// Null when nothing matches.
    /// </summary>
    public ExerciseDefinition? Resolve(string name) =>
        Find(name.Trim()) ?? _byName.GetValueOrDefault(Key(name));

    /// <summary>Letters and digits only, lower case: "Push-up" and "push up" share the key "pushup".</summary>
    private static string Key(string name) =>
        string.Concat(name.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    /// <summary>Every key <see cref="Resolve"/> finds the exercise by: its id, name and aliases, each also in the
    /// plural (an s added, or es after s, sh, ch or x).</summary>
    private static IEnumerable<string> NameKeys(ExerciseDefinition e) =>
        new[] { e.Id, e.Name }.Concat(e.Aliases ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(Key)
            .Where(k => k.Length > 0)
            .SelectMany(k => new[] { k, k + (k.EndsWith('s') || k.EndsWith("sh", StringComparison.Ordinal)
                || k.EndsWith("ch", StringComparison.Ordinal) || k.EndsWith('x') ? "es" : "s") });

    public static ExerciseCatalog Parse(string json)
    {
        var file = JsonSerializer.Deserialize<CatalogFile>(json, JsonOptions)
            ?? throw new InvalidDataException("The exercise catalog is empty.");
        if (file.Settings is null || file.Exercises is null)
            throw new InvalidDataException("The exercise catalog needs 'settings' and 'exercises'.");
        if (file.Settings.Range is not { } r || r.WindowSeconds <= 0 || r.ExtremePercentile is < 0 or >= 0.5
            || r.BeginFraction <= 0 || r.PeakFraction <= r.BeginFraction || r.PeakFraction >= 1 || r.ReachBand is <= 0
            or >= 1)
            throw new InvalidDataException(
                "Invalid exercise catalog: settings.range needs windowSeconds > 0, extremePercentile in [0, 0.5), 0 " +
                "< beginFraction < peakFraction < 1 and reachBand in (0, 1).");
        if (file.Settings.JointCarrySeconds < 0 || file.Settings.JointCarrySeconds >= file.Settings.JointResetSeconds)
            throw new InvalidDataException(
                "Invalid exercise catalog: settings.jointCarrySeconds must be at least 0 and under jointResetSeconds.");
        var problems = file.Exercises.SelectMany(Validate).ToList();
        if (file.Exercises.GroupBy(e => e.Id, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(g => g.Count() > 1) is { } dup)
            problems.Add($"exercise id '{dup.Key}' is defined more than once");
        if (file.Exercises.SelectMany(e => NameKeys(e).Distinct().Select(key => (key, e.Id))).GroupBy(p => p.key)
            .FirstOrDefault(g => g.Count() > 1) is { } shared)
            problems.Add($"the name '{shared.Key}' stands for more than one exercise: "
                + string.Join(", ", shared.Select(p => p.Id)));
        if (problems.Count > 0)
            throw new InvalidDataException("Invalid exercise catalog: " + string.Join("; ", problems));
        return new ExerciseCatalog(file.Settings, file.Exercises);
    }

    private static ExerciseCatalog LoadEmbedded()
    {
        using var stream = typeof(ExerciseCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private static IEnumerable<string> Validate(ExerciseDefinition e)
    {
        if (string.IsNullOrWhiteSpace(e.Id)) yield return "an exercise has no id";
        if (e.Views is not { Count: > 0 }) { yield return $"{e.Id}: no views"; yield break; }
        if (e.SettleSeconds <= 0 || e.MaxGapSeconds <= 0)
            yield return $"{e.Id}: settleSeconds and maxGapSeconds must be positive";
        if (e.Kind == ExerciseKind.Reps && e.MaxRepSeconds <= 0) yield return $"{e.Id}: maxRepSeconds must be positive";
        foreach (var joint in e.RequiredJoints ?? [])
            if (!JointNames.IsKnown(joint)) yield return $"{e.Id}: unknown required joint '{joint}'";
        foreach (var joint in e.OptionalJoints ?? [])
            if (!JointNames.IsKnown(joint)) yield return $"{e.Id}: unknown optional joint '{joint}'";
        foreach (var view in e.Views)
        {
            if (view.Views is not { Count: > 0 } || view.Views.Contains(CameraView.Auto))
                yield return $"{e.Id}: each view lists concrete camera views (side, front)";
            foreach (var p in ValidateView(e, view)) yield return p;
        }
    }

    private static IEnumerable<string> ValidateView(ExerciseDefinition e, ViewDefinition view)
    {
        if (e.Kind == ExerciseKind.Reps)
        {
            if (view.Signal is null) yield return $"{e.Id}: a reps exercise needs a signal";
            else foreach (var p in ValidateMeasure(e.Id, view.Signal)) yield return p;
            var span = Math.Abs(view.Peak - view.Start);
            if (span <= 0 || view.MinTravel <= 0 || view.MinTravel >= span)
                yield return $"{e.Id}: start and peak must differ and minTravel must be positive and under their " +
                    $"distance";
        }
        else if (view.Checks is not { Count: > 0 })
        {
            yield return $"{e.Id}: a hold needs at least one check";
        }
        foreach (var check in (view.Checks ?? []).Concat(view.Posture ?? []))
        {
            if (check.AtLeast is null && check.AtMost is null)
                yield return $"{e.Id}/{check.Id}: a check needs atLeast or atMost";
            if (check.Tolerance < 0) yield return $"{e.Id}/{check.Id}: tolerance must not be negative";
            var everyFrame = e.Kind == ExerciseKind.Hold || (view.Posture ?? []).Contains(check);
            if (check.Measure is null && everyFrame)
                yield return $"{e.Id}/{check.Id}: hold and posture checks need a measure";
            if (check.RelativeToStart && everyFrame)
                yield return $"{e.Id}/{check.Id}: only rep checks can be relative to the start pose";
            if (check.Measure is not null)
                foreach (var p in ValidateMeasure($"{e.Id}/{check.Id}", check.Measure, check.RelativeToStart))
                    yield return p;
        }
    }

    private static IEnumerable<string> ValidateMeasure(string owner, MeasureDefinition m, bool relativeToStart = false)
    {
        var expected = m.Kind switch
        {
            MeasureKind.Angle or MeasureKind.LineOffset => 3,
            MeasureKind.Similarity => 0,
            _ => 2,
        };
        if ((m.Joints?.Count ?? 0) != expected) yield return $"{owner}: a {m.Kind} measure takes {expected} joints";
        if (m.Kind is MeasureKind.Rise && m.Per is null && !relativeToStart)
            yield return $"{owner}: a rise measure needs two 'per' joints unless its check is relative to the start " +
                $"pose";
        if (m.Per is { } per && per.Count != 2) yield return $"{owner}: 'per' takes two joints";
        foreach (var joint in (m.Joints ?? []).Concat(m.Per ?? []))
            if (!JointNames.IsKnown(joint)) yield return $"{owner}: unknown joint '{joint}'";
    }

    private sealed record CatalogFile(CounterSettings? Settings, IReadOnlyList<ExerciseDefinition>? Exercises);
}
