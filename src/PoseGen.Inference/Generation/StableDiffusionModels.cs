using Microsoft.ML.OnnxRuntime;
using PoseGen.Core.Generation;

namespace PoseGen.Inference.Generation;

/// <summary>The opened, validated sessions of one model folder (one per component for the whole process).</summary>
internal sealed class StableDiffusionModels(
    ClipTokenizer tokenizer,
    InferenceSession textEncoder,
    InferenceSession controlNet,
    InferenceSession unet,
    InferenceSession vaeDecoder,
    InferenceSession? vaeEncoder) : IDisposable
{
    public ClipTokenizer Tokenizer { get; } = tokenizer;
    public InferenceSession TextEncoder { get; } = textEncoder;
    public InferenceSession ControlNet { get; } = controlNet;
    public InferenceSession Unet { get; } = unet;
    public InferenceSession VaeDecoder { get; } = vaeDecoder;
    public InferenceSession? VaeEncoder { get; } = vaeEncoder;

    /// <summary>
    /// Opens and checks every component; throws <see cref="ModelFolderException"/> listing what does not fit.
    /// </summary>
    public static StableDiffusionModels Open(string folder, Func<string, InferenceSession> openSession)
    {
        ArgumentNullException.ThrowIfNull(openSession);
        var manifestPath = Path.Combine(folder, StableDiffusionManifest.FileName);
        if (!File.Exists(manifestPath))
            throw new ModelFolderException($"{StableDiffusionManifest.FileName} does not exist.", notInstalled: true);
        StableDiffusionManifest manifest;
        try
        {
            manifest = StableDiffusionManifest.Load(manifestPath);
        }
        catch (FormatException ex)
        {
            throw new ModelFolderException(ex.Message, notInstalled: false);
        }
        var problems = StableDiffusionModelValidator.CheckManifest(folder, manifest);
        if (problems.Count > 0)
            throw new ModelFolderException(string.Join(" ", problems), notInstalled: false);

        var sessions = new Dictionary<string, InferenceSession>(StringComparer.Ordinal);
        try
        {
            foreach (var contract in StableDiffusionContract.Components)
            {
                if (!manifest.Components.TryGetValue(contract.Name, out var component)) continue;
                var session = openSession(Path.Combine(folder, component.File));
                sessions[contract.Name] = session;
                var mismatch = StableDiffusionModelValidator.CheckSession(component, session);
                if (mismatch.Count > 0)
                    throw new ModelFolderException(string.Join(" ", mismatch), notInstalled: false);
            }
            var tokenizer = ClipTokenizer.Parse(
                File.ReadAllText(Path.Combine(folder, manifest.Tokenizer.Vocab)),
                File.ReadAllText(Path.Combine(folder, manifest.Tokenizer.Merges)));
            return new StableDiffusionModels(
                tokenizer,
                sessions[StableDiffusionContract.TextEncoder],
                sessions[StableDiffusionContract.ControlNet],
                sessions[StableDiffusionContract.Unet],
                sessions[StableDiffusionContract.VaeDecoder],
                sessions.GetValueOrDefault(StableDiffusionContract.VaeEncoder));
        }
        catch
        {
            foreach (var session in sessions.Values) session.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        TextEncoder.Dispose();
        ControlNet.Dispose();
        Unet.Dispose();
        VaeDecoder.Dispose();
        VaeEncoder?.Dispose();
    }
}

/// <summary>The model folder is missing (<see cref="NotInstalled"/>) or does not fit the manifest/contract.</summary>
public sealed class ModelFolderException(string message, bool notInstalled) : Exception(message)
{
    public bool NotInstalled { get; } = notInstalled;
}
