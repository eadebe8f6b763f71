using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Generation;
using PoseGen.Core.Generation.Schedulers;
using PoseGen.Core.Imaging;
using PoseGen.Imaging;
using PoseGen.Inference;
using PoseGen.Inference.Generation;
using PoseGen.Inference.Onnx;
using PoseGen.Inference.Tests.Generation;

// Pipeline overhead around the models, measured with the tiny signature-exact models of the tests (their own runs cost
// little next to the real UNet). Usage: [--iterations N] [--warmup N] [--steps N]
var iterations = Arg("--iterations", 5);
var warmup = Arg("--warmup", 1);
var steps = Arg("--steps", 20);
var folder = TinyStableDiffusion.Create();
try
{
    var tokenizer = ClipTokenizer.Load(Path.Combine(folder, "tokenizer"));
    Report("tokenize a 12-word prompt", 200, () => tokenizer.Tokenize(
        "a yoga dancer in warrior pose on a beach at sunset, photo, sharp"));

    var latent = new float[4 * 64 * 96];
    new GaussianNoise(1).Fill(latent);
    var eps = (float[])latent.Clone();
    Report("scheduler construct + 1 step (Euler a, 512x768 latent)", 200, () =>
    {
        var s = new EulerAncestralScheduler(NoiseSchedule.StableDiffusion15, 20, 1);
        s.Step(eps, 0, (float[])latent.Clone());
    });
    Report("scheduler construct + 1 step (DPM++ 2M Karras, 512x768 latent)", 200, () =>
    {
        var s = new DpmSolverPlusPlus2MKarrasScheduler(NoiseSchedule.StableDiffusion15, 20);
        s.Step(eps, 0, (float[])latent.Clone());
    });
    Report("latent preview (512x768)", 200, () => LatentImages.Preview(latent, 64, 96));

    using var services = new ServiceCollection().AddLogging()
        .AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build())
        .AddPoseGenImaging().BuildServiceProvider();
    var codec = services.GetRequiredService<IImageCodec>();
    var image = new RgbImage(512, 768, new byte[512 * 768 * 3]);
    new Random(3).NextBytes(image.Pixels);
    Report("PNG encode 512x768 (noise, worst case)", 20, () => codec.Encode(image, EncodeFormat.Png));
    Report("JPEG encode 512x768 q90", 20, () => codec.Encode(image, EncodeFormat.Jpeg, 90));

    var inference = Options.Create(new InferenceOptions { Device = ExecutionDevice.Cpu });
    var selector = new ExecutionProviderSelector(NullLogger<ExecutionProviderSelector>.Instance);
    using var pipeline = new StableDiffusionPipeline(inference,
        Options.Create(new GenerationOptions { ModelsPath = folder }),
        selector, new OnnxSessionFactory(inference, selector, NullLogger<OnnxSessionFactory>.Instance));
    foreach (var (w, h) in new[] { (512, 512), (512, 768) })
    {
        var request = new GenerationRequest("a yoga dancer", "blurry", image with { }, w, h, steps,
            DiffusionSchedulerKind.DpmPlusPlus2MKarras, 42, 7.5f, 1, null, 1);
        var control = new RgbImage(w, h, new byte[w * h * 3]);
        request = request with { ControlImage = control };
        Report($"full generation {w}x{h}, {steps} steps, CFG batch 2, tiny models (per step)", iterations, () =>
            pipeline.GenerateAsync(request, null, CancellationToken.None).GetAwaiter().GetResult(), steps);
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}
return 0;

void Report(string name, int runs, Action action, int perDivisor = 1)
{
    for (var i = 0; i < warmup; i++) action();
    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var clock = Stopwatch.StartNew();
        action();
        times[i] = clock.Elapsed.TotalMilliseconds / perDivisor;
    }
    Array.Sort(times);
    Console.WriteLine($"{name,-75} median {times[runs / 2],9:F3} ms  min {times[0],9:F3} ms  (n={runs})");
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture)
        : fallback;
}
