using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Generation.Schedulers;
using PoseGen.Inference.Onnx;

namespace PoseGen.Inference.Generation;

/// <summary>
/// Stable Diffusion 1.5 + ControlNet OpenPose on ONNX Runtime. Sessions are opened on the first generation (start-up
/// and /health never load gigabytes of weights); <see cref="Status"/> only reads the manifest until then.
/// </summary>
public sealed class StableDiffusionPipeline : IPoseImageGenerator, IDisposable
{
    private const string InstallHint =
        "Run scripts/fetch-models on a machine with internet access and copy models/stable-diffusion here (see " +
        "models/README.md).";

    private readonly InferenceOptions _inference;
    private readonly GenerationOptions _options;
    private readonly ExecutionProviderSelector _selector;
    private readonly OnnxSessionFactory _sessions;
    private readonly Lock _gate = new();
    private StableDiffusionModels? _models;
    private string? _openFailure;

    public StableDiffusionPipeline(
        IOptions<InferenceOptions> inference,
        IOptions<GenerationOptions> options,
        ExecutionProviderSelector selector,
        OnnxSessionFactory sessions,
        IHostEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(inference);
        ArgumentNullException.ThrowIfNull(options);
        _inference = inference.Value;
        _options = options.Value;
        _selector = selector;
        _sessions = sessions;
        var root = environment?.ContentRootPath;
        ModelFolder = string.IsNullOrWhiteSpace(_options.ModelsPath)
            ? Path.Combine(ModelsDirectoryResolver.Resolve(_inference.ModelsPath, root), "stable-diffusion")
            : Path.GetFullPath(_options.ModelsPath, root ?? Directory.GetCurrentDirectory());
    }

    public string ModelFolder { get; }

    /// <summary>How messages name the folder: users see these messages, so never the server's absolute path.</summary>
    private string FolderName => string.IsNullOrWhiteSpace(_options.ModelsPath) ? "models/stable-diffusion"
        : "the Generation:ModelsPath folder";

    public GeneratorStatus Status
    {
        get
        {
            var device = _selector.Select(_inference.Device, _inference.CudaDeviceId).Provider?.ToString();
            lock (_gate)
            {
                if (_models is not null) return new GeneratorStatus(true, null, device);
                if (_openFailure is not null) return new GeneratorStatus(false, _openFailure, device);
            }
            var manifestPath = Path.Combine(ModelFolder, StableDiffusionManifest.FileName);
            if (!File.Exists(manifestPath))
                return new GeneratorStatus(false,
                    $"Generation is not installed: {FolderName}/{StableDiffusionManifest.FileName} does not exist. " +
                    $"{InstallHint}", device, Installed: false);
            try
            {
                var problems = StableDiffusionModelValidator.CheckManifest(ModelFolder,
                    StableDiffusionManifest.Load(manifestPath));
                return problems.Count == 0
                    ? new GeneratorStatus(true, null, device)
                    : new GeneratorStatus(false,
                        $"The models in {FolderName} do not fit: {string.Join(" ", problems)} {InstallHint}", device);
            }
            catch (FormatException ex)
            {
                return new GeneratorStatus(false, $"{ex.Message} {InstallHint}", device);
            }
        }
    }

    public Task<GenerationResult> GenerateAsync(
        GenerationRequest request, IProgress<GenerationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        // Model runs are synchronous and long: keep them off the caller's thread.
        return Task.Run(() => Generate(request, progress, cancellationToken), cancellationToken);
    }

    private GenerationResult Generate(GenerationRequest request, IProgress<GenerationProgress>? progress,
        CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var sd = Models();
        if (request.InitImage is not null && sd.VaeEncoder is null)
            throw new InvalidOperationException(
                $"Image-to-image needs vae_encoder, which {ModelFolder} does not have.");
        var runner = new DiffusionRunner(sd, request);
        var (latentW, latentH) = (request.Width / 8, request.Height / 8);
        var seed = unchecked((int)(request.Seed ^ (request.Seed >> 32)));

        // img2img runs the last round(steps x strength) steps of the schedule from the noised image latent.
        var run = request.InitImage is null ? request.Steps : Math.Max(1,
            (int)Math.Round(request.Steps * request.Strength));
        var first = request.Steps - run;
        var scheduler = SchedulerFactory.Create(request.Scheduler, request.Steps, seed ^ 0x5bd1e995, first);
        var noise = new float[4 * latentW * latentH];
        new GaussianNoise(seed).Fill(noise);
        var sample = request.InitImage is null
            ? Scale(noise, (float)scheduler.InitNoiseSigma)
            : NoisedImageLatent(runner.EncodeImage(request.InitImage), noise, scheduler, first);

        var input = new float[sample.Length];
        for (var step = first; step < request.Steps; step++)
        {
            ct.ThrowIfCancellationRequested();
            scheduler.ScaleModelInput(sample, step, input);
            var eps = runner.PredictNoise(input, scheduler.Timesteps[step], latentW, latentH);
            scheduler.Step(eps, step, sample);
            progress?.Report(new GenerationProgress(step - first + 1, run,
                _options.Previews ? LatentImages.Preview(sample, latentW, latentH) : null));
        }
        ct.ThrowIfCancellationRequested();
        var image = runner.Decode(sample, latentW, latentH);
        return new GenerationResult(image, request.Seed, clock.Elapsed);
    }

    /// <summary>
    /// The sample at <paramref name="step"/> whose model input is sqrt(ab) x0 + sqrt(1 - ab) eps. The scheduler's own
    /// input scaling (1 for DDIM-like samplers, 1 / sqrt(sigma^2 + 1) for Euler's) is probed on a unit value and
    /// undone.
    /// </summary>
    private static float[] NoisedImageLatent(float[] x0, float[] noise, IDiffusionScheduler scheduler, int step)
    {
        var alphaBar = scheduler.ModelInputAlphaBar(step);
        Span<float> unit = [1f];
        Span<float> scaled = [0f];
        scheduler.ScaleModelInput(unit, step, scaled);
        var (a, b) = ((float)(Math.Sqrt(alphaBar) / scaled[0]), (float)(Math.Sqrt(1 - alphaBar) / scaled[0]));
        var sample = new float[x0.Length];
        for (var i = 0; i < sample.Length; i++) sample[i] = (a * x0[i]) + (b * noise[i]);
        return sample;
    }

    private static float[] Scale(float[] values, float factor)
    {
        for (var i = 0; i < values.Length; i++) values[i] *= factor;
        return values;
    }

    private static void Validate(GenerationRequest r)
    {
        if (r.Width % 8 != 0 || r.Height % 8 != 0 || r.Width is < 8 or > 2048 || r.Height is < 8 or > 2048)
            throw new ArgumentException(
                $"Width and height must be multiples of 8 in 8..2048, got {r.Width}x{r.Height}.", nameof(r));
        if (r.Steps is < 1 or > 150)
            throw new ArgumentException($"Steps must be 1..150, got {r.Steps}.", nameof(r));
        if (r.GuidanceScale is < 1 or > 30 || float.IsNaN(r.GuidanceScale))
            throw new ArgumentException($"Guidance scale must be 1..30, got {r.GuidanceScale}.", nameof(r));
        if (r.ControlNetStrength is < 0 or > 2 || float.IsNaN(r.ControlNetStrength))
            throw new ArgumentException($"ControlNet strength must be 0..2, got {r.ControlNetStrength}.", nameof(r));
        if (r.InitImage is not null && (r.Strength is <= 0 or > 1 || float.IsNaN(r.Strength)))
            throw new ArgumentException($"Image-to-image strength must be in (0, 1], got {r.Strength}.", nameof(r));
    }

    private StableDiffusionModels Models()
    {
        lock (_gate)
        {
            if (_models is not null) return _models;
            var status = Status;
            if (!status.IsAvailable) throw new InvalidOperationException(status.Message);
            try
            {
                _models = StableDiffusionModels.Open(ModelFolder, path =>
                    _sessions.Create(Path.GetFileName(Path.GetDirectoryName(path)) ?? path, path));
                return _models;
            }
            catch (ModelFolderException ex)
            {
                _openFailure = $"The models in {FolderName} do not fit: {ex.Message} {InstallHint}";
                throw new InvalidOperationException(_openFailure, ex);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _models?.Dispose();
            _models = null;
        }
    }
}
