using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PoseGen.Tools.Tests.FetchModels;

/// <summary>
/// scripts/fetch-models against a loopback copy of the hub: the plan it makes from the repositories' listings, its
/// refusal to start when a role is missing, and its checks of what it downloads. The listings are stand-ins
/// (TestData/README.md).
/// </summary>
public sealed class FetchModelsScriptTests : IDisposable
{
    private const string Base = "TensorStack/stable-diffusion-v1-5-onnx";
    private const string Lcm = "TensorStack/LCM_Dreamshaper_v7-onnx";
    private const string ControlNet = "TensorStack/ControlNet-onnx";

    private readonly string _dest = Path.Combine(Path.GetTempPath(), "posegen-fetch-" + Guid.NewGuid().ToString("N"));

    private static string Listing(string name) =>
        File.ReadAllText(Path.Combine(TestPaths.Root, "tests", "PoseGen.Tools.Tests", "FetchModels", "TestData",
            name + ".tree.json"));

    private static Dictionary<string, string> RealListings() => new()
    {
        [Base] = Listing("stable-diffusion-v1-5-onnx"),
        [Lcm] = Listing("LCM_Dreamshaper_v7-onnx"),
        [ControlNet] = Listing("ControlNet-onnx"),
    };

    /// <summary>(role, repository, file) the plan must hold for each base repository.</summary>
    private static readonly (string Role, bool FromControlNetRepo, string Path)[] Roles =
    [
        ("text_encoder", false, "text_encoder/model.onnx"), ("unet", false, "controlnet/model.onnx"),
        ("vae_decoder", false, "vae_decoder/model.onnx"), ("vae_encoder", false, "vae_encoder/model.onnx"),
        ("controlnet", true, "SD/OpenPose/model.onnx"), ("tokenizer", false, "tokenizer/vocab.json"),
        ("tokenizer", false, "tokenizer/merges.txt"),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DryRunPlansEveryRoleWithTheListingsDigestAndDownloadsNothing(bool lcm)
    {
        var listings = RealListings();
        using var hub = new HubStub(listings);
        var baseRepo = lcm ? Lcm : Base;

        var (code, output, error) = await RunAsync(hub, lcm ? ["--dry-run", "--lcm"] : ["--dry-run"]);

        Assert.True(code == 0, error);
        var lines = output.Split('\n');
        foreach (var (role, fromControlNet, path) in Roles)
        {
            var repo = fromControlNet ? ControlNet : baseRepo;
            var entry = JsonNode.Parse(listings[repo])!.AsArray().Single(e => (string?)e!["path"] == path)!;
            var digest = entry["lfs"] is { } lfs
                ? $"sha256 {(string?)lfs["oid"]}" : $"git-sha1 {(string?)entry["oid"]}";
            var line = lines.SingleOrDefault(l => l.StartsWith(role + " ", StringComparison.Ordinal)
                && l.Contains($" {path} ", StringComparison.Ordinal));
            Assert.True(line is not null, $"no plan line for {role} {path} in:\n{output}");
            Assert.Contains(repo, line, StringComparison.Ordinal);
            Assert.EndsWith(digest, line.TrimEnd(), StringComparison.Ordinal);
        }
        // Every model file of the plan is an LFS file, so each has a sha256.
        Assert.Equal(5, lines.Count(l => l.Contains("model.onnx ", StringComparison.Ordinal)
            && l.Contains(" sha256 ", StringComparison.Ordinal)));
        Assert.Empty(hub.Downloads);
    }

    [Fact]
    public async Task ListingWithoutTheOpenPoseControlNetStopsBeforeAnyDownloadAndSaysWhatIsMissing()
    {
        var listings = RealListings();
        var withoutOpenPose = JsonNode.Parse(listings[ControlNet])!.AsArray()
            .Where(e => !((string)e!["path"]!).StartsWith("SD/OpenPose", StringComparison.Ordinal))
            .Select(e => e!.DeepClone());
        listings[ControlNet] = new JsonArray([.. withoutOpenPose]).ToJsonString();
        using var hub = new HubStub(listings);

        var (code, _, error) = await RunAsync(hub, []);

        Assert.Equal(2, code);
        Assert.Contains("nothing was downloaded", error, StringComparison.Ordinal);
        Assert.Contains("missing controlnet (ControlNet OpenPose", error, StringComparison.Ordinal);
        Assert.Contains(
            "TensorStack/ControlNet-onnx has no SD/OpenPose/model.onnx (its .onnx files: SD/Canny/model.onnx,", error,
            StringComparison.Ordinal);
        Assert.Empty(hub.Downloads);
        Assert.False(Directory.Exists(_dest) && Directory.EnumerateFiles(_dest, "*", SearchOption.AllDirectories)
            .Any());
    }

    [Fact]
    public async Task KeepsDownloadsThatMatchTheListingAndRefusesOneWhoseSha256DoesNot()
    {
        var (listings, files) = TinyRepositories();
        using (var hub = new HubStub(listings, files))
        {
            var (code, output, error) = await RunAsync(hub, ["--no-manifest"]);
            Assert.True(code == 0, output + error);
            Assert.Equal(files[$"{ControlNet}/SD/OpenPose/model.onnx"],
                await File.ReadAllBytesAsync(Path.Combine(_dest, "controlnet", "model.onnx")));
            Assert.Equal(files[$"{Base}/controlnet/model.onnx"], await File.ReadAllBytesAsync(
                Path.Combine(_dest, "unet", "model.onnx")));
            Assert.Equal(files[$"{Base}/tokenizer/merges.txt"], await File.ReadAllBytesAsync(
                Path.Combine(_dest, "tokenizer", "merges.txt")));
            Assert.Equal(7, Directory.EnumerateFiles(_dest, "*", SearchOption.AllDirectories).Count());
        }

        // The server now sends other bytes for the VAE decoder than the listing's sha256 describes.
        Directory.Delete(_dest, recursive: true);
        files[$"{Base}/vae_decoder/model.onnx"] = Encoding.ASCII.GetBytes("tampered decoder");
        using (var hub = new HubStub(listings, files))
        {
            var (code, _, error) = await RunAsync(hub, ["--no-manifest"]);
            Assert.Equal(3, code);
            var sha256 = Sha256(files[$"{Base}/vae_decoder/model.onnx"]);
            Assert.Contains($"{Base}/vae_decoder/model.onnx does not match its listing: sha256 {sha256}", error,
                StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(_dest, "vae_decoder", "model.onnx")));
            Assert.False(File.Exists(Path.Combine(_dest, "vae_decoder", "model.onnx.part")));
        }
    }

    [Fact]
    public async Task ResumesAPartialDownloadFromWhereItStopped()
    {
        var (listings, files) = TinyRepositories();
        var unet = files[$"{Base}/controlnet/model.onnx"];
        Directory.CreateDirectory(Path.Combine(_dest, "unet"));
        await File.WriteAllBytesAsync(Path.Combine(_dest, "unet", "model.onnx.part"), unet[..10]);
        using var hub = new HubStub(listings, files);

        var (code, output, error) = await RunAsync(hub, ["--no-manifest"]);

        Assert.True(code == 0, output + error);
        Assert.Contains(($"{Base}/controlnet/model.onnx", "bytes=10-"), hub.Downloads);
        Assert.Equal(unet, await File.ReadAllBytesAsync(Path.Combine(_dest, "unet", "model.onnx")));
    }

    /// <summary>The three repositories with a few bytes per file and the real digests of those bytes.</summary>
    private static (Dictionary<string, string> Listings, Dictionary<string, byte[]> Files) TinyRepositories()
    {
        var files = new Dictionary<string, byte[]>();
        var listings = new Dictionary<string, string>();
        foreach (var (repo, paths) in new[]
        {
            (Base, new[] { "text_encoder/model.onnx", "controlnet/model.onnx", "unet/model.onnx",
                "vae_decoder/model.onnx",
                "vae_encoder/model.onnx", "tokenizer/vocab.json", "tokenizer/merges.txt" }),
            (ControlNet, new[] { "SD/Canny/model.onnx", "SD/OpenPose/model.onnx" }),
        })
        {
            var entries = new JsonArray();
            foreach (var path in paths)
            {
                var bytes = Encoding.ASCII.GetBytes($"tiny {repo}/{path} with some bytes to resume");
                files[$"{repo}/{path}"] = bytes;
                var entry = new JsonObject { ["type"] = "file", ["oid"] = GitBlobId(bytes), ["size"] = bytes.Length,
                    ["path"] = path };
                if (path.EndsWith(".onnx", StringComparison.Ordinal))
                {
                    entry["oid"] = GitBlobId(Encoding.ASCII.GetBytes("pointer")); // an LFS entry's oid is its pointer's
                    entry["lfs"] = new JsonObject { ["oid"] = Sha256(bytes), ["size"] = bytes.Length,
                        ["pointerSize"] = 134 };
                }
                entries.Add(entry);
            }
            listings[repo] = entries.ToJsonString();
        }
        return (listings, files);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string GitBlobId(byte[] bytes) =>
        Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {bytes.Length}\0"), .. bytes]));

    private async Task<(int Code, string Output, string Error)> RunAsync(HubStub hub, string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(TestPaths.Root, "scripts", "fetch-models"));
        foreach (var a in (string[])[.. args, "--dest", _dest]) start.ArgumentList.Add(a);
        start.Environment["HF_ENDPOINT"] = hub.Endpoint;
        start.Environment.Remove("HF_TOKEN");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dest)) Directory.Delete(_dest, recursive: true);
    }
}
