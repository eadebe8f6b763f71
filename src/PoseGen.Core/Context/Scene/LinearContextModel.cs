using System.Text.Json;

namespace PoseGen.Core.Context.Scene;

/// <summary>
/// A multinomial logistic regression over <see cref="SceneFeatures"/>: each feature is standardised with the training
/// set's mean and spread, each label scores bias + weights . features, and a softmax turns the scores into
/// probabilities. Trained by tools/PoseGen.ContextTrainer on the labelled fixture scenes (its README line in the JSON
/// says how and with which leave-one-out accuracy). <see cref="MinConfidence"/>: below this top probability the answer
/// is "not sure".
/// </summary>
public sealed record LinearContextModel(
    string Target,
    string About,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Features,
    double[] Mean,
    double[] Scale,
    double[][] Weights,
    double[] Bias,
    double MinConfidence)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The label probabilities, in the order of <see cref="Labels"/>.</summary>
    public double[] Predict(double[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var z = Standardise(features);
        var scores = new double[Labels.Count];
        for (var k = 0; k < scores.Length; k++)
        {
            scores[k] = Bias[k];
            for (var j = 0; j < z.Length; j++) scores[k] += Weights[k][j] * z[j];
        }
        return Softmax(scores);
    }

    /// <summary>
    /// The features that pushed <paramref name="label"/> up the most (weight x standardised value), strongest first.
    /// </summary>
    public IReadOnlyList<string> Explain(double[] features, int label, int count = 3)
    {
        var z = Standardise(features);
        return [.. Enumerable.Range(0, z.Length).Select(j => (Name: Features[j], Push: Weights[label][j] * z[j]))
            .Where(p => p.Push > 0).OrderByDescending(p => p.Push).Take(count).Select(p => p.Name)];
    }

    public double[] Standardise(double[] features)
    {
        if (features.Length != Features.Count)
            throw new ArgumentException($"The model reads {Features.Count} features, got {features.Length}.",
                nameof(features));
        return [.. features.Select((v, j) => (v - Mean[j]) / Scale[j])];
    }

    public static double[] Softmax(double[] scores)
    {
        var max = scores.Max();
        var e = scores.Select(s => Math.Exp(s - max)).ToArray();
        var sum = e.Sum();
        return [.. e.Select(v => v / sum)];
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static LinearContextModel FromJson(string json) =>
        JsonSerializer.Deserialize<LinearContextModel>(json, Json)
            ?? throw new InvalidDataException("Empty context model.");

    /// <summary>The embedded model for <paramref name="target"/> ("environment" or "outfit"), or null when none was
    /// trained for it or it reads other features than this build computes.</summary>
    public static LinearContextModel? Embedded(string target)
    {
        using var stream = typeof(LinearContextModel).Assembly.GetManifestResourceStream(
            $"PoseGen.Core.Context.Scene.context-{target}.json");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        var model = FromJson(reader.ReadToEnd());
        return model.Features.SequenceEqual(SceneFeatures.Names) ? model : null;
    }
}
