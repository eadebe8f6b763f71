using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PoseGen.TestSupport;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Security;

/// <summary>
/// Bad input: a corpus of broken, hostile and odd files and JSON bodies (random, truncated, bit-flipped,
/// zero bytes, decompression bombs, SVG with external entities, polyglots, wrong types, videos without duration, with
/// an absurd frame rate or with only audio) sent to every upload and JSON endpoint. Every answer is below 500 (or the
/// documented 503 of a full queue), no answer shows a server path or an exception, and the process's memory stays
/// bounded while it answers.
/// </summary>
public sealed class BadInputCorpusTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("posegen-corpus").FullName;

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task NoUploadOrBodyInTheCorpusGetsA500OrLeaksInternals()
    {
        using var client = await ApiClient.CreateSignedInAsync(_factory);
        var files = ImageCorpus().ToList();
        var videos = await VideoCorpusAsync();
        var bodies = JsonCorpus().ToList();
        Assert.True(files.Count * 4 + (files.Count + videos.Count) + bodies.Count * JsonEndpoints.Length >= 200);

        var failures = new List<string>();
        var valid = await File.ReadAllBytesAsync(RepoPaths.Fixture("people", "mpii_004645041.jpg"));
        // The baseline is taken once the models are loaded (one good photo through each photo endpoint), so that what
        // grows afterwards is what the corpus costs.
        await CheckAsync(failures, "detect a good photo", client.PostAsync("/api/v1/poses/detect",
            Form(("image", "ok.jpg", valid))));
        await CheckAsync(failures, "context of a good photo", client.PostAsync("/api/v1/context/classify",
            Form(("image", "ok.jpg", valid))));
        using var memory = new PeakMemory();
        foreach (var (name, bytes) in files)
        {
            await CheckAsync(failures, $"detect {name}", client.PostAsync("/api/v1/poses/detect",
                Form(("image", name, bytes))));
            await CheckAsync(failures, $"context {name}", client.PostAsync("/api/v1/context/classify",
                Form(("image", name, bytes))));
            await CheckAsync(failures, $"recommend {name}", client.PostAsync("/api/v1/recommendations",
                Form(("image", name, bytes))));
            await CheckAsync(failures, $"compare {name}", client.PostAsync("/api/v1/poses/compare",
                Form(("reference", "ok.jpg", valid), ("candidate", name, bytes))));
        }
        foreach (var (name, bytes) in files.Concat(videos))
            await CheckAsync(failures, $"workout {name}", client.PostAsync("/api/v1/workouts/analyze",
                Form(("video", name, bytes))));
        foreach (var body in bodies)
        {
            foreach (var (method, path) in JsonEndpoints)
            {
                var request = new HttpRequestMessage(new HttpMethod(method),
                    path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                await CheckAsync(failures, $"{method} {path} {Shorten(body)}", client.SendAsync(request));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // A decompression bomb decoded would need gigabytes (bomb.png: 60,000 x 60,000 pixels is 3.6 GB at one byte a
        // pixel); refusing it by its header costs nothing. 1 GiB above the warm baseline is far above what any photo in
        // the corpus may cost at our decode limits and far below any bomb.
        var growth = memory.PeakGrowthBytes;
        Assert.True(growth < 1L << 30, $"the process grew by {growth / (1 << 20)} MiB while answering the corpus");
    }

    /// <summary>
    /// Samples the process's resident memory every 20 ms from a background task and keeps the highest value.
    /// </summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly long _baseline = Resident();
        private readonly Task _sampling;
        private long _peak;

        public PeakMemory()
        {
            _peak = _baseline;
            _sampling = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), Resident()));
                    await Task.Delay(20).ConfigureAwait(false);
                }
            });
        }

        public long PeakGrowthBytes => Math.Max(Interlocked.Read(ref _peak), Resident()) - _baseline;

        public void Dispose()
        {
            _stop.Cancel();
            _sampling.Wait();
            _stop.Dispose();
        }

        private static long Resident()
        {
            using var process = Process.GetCurrentProcess();
            return process.WorkingSet64;
        }
    }

    private static readonly (string Method, string Path)[] JsonEndpoints =
    [
        ("PUT", "/api/v1/profile"), ("POST", "/api/v1/recommendations"), ("POST", "/api/v1/recommendations/feedback"),
        ("POST", "/api/v1/poses/compare"), ("POST", "/api/v1/generations"),
        ("POST", "/api/v1/generations/openpose-map"),
    ];

    private static async Task CheckAsync(List<string> failures, string what, Task<HttpResponseMessage> send)
    {
        using var response = await send;
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500 && status != 503)
            failures.Add($"{status} for {what}: {Shorten(text)}");
        foreach (var leak in new[] { RepoPaths.Root, Path.GetTempPath(), "Exception", "   at " })
        {
            if (text.Contains(leak, StringComparison.Ordinal))
                failures.Add($"{status} for {what} shows '{leak}': {Shorten(text)}");
        }
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "...";

    private static MultipartFormDataContent Form(params (string Field, string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, field, name);
        }
        return form;
    }

    private static IEnumerable<(string Name, byte[] Bytes)> ImageCorpus()
    {
        var random = new Random(15);
        yield return ("empty.jpg", []);
        foreach (var size in new[] { 1, 2, 10, 100, 1000, 10_000, 100_000 })
        {
            for (var seed = 0; seed < 2; seed++)
            {
                var bytes = new byte[size];
                random.NextBytes(bytes);
                yield return ($"random-{size}-{seed}.jpg", bytes);
            }
        }
        foreach (var fixture in new[] { RepoPaths.Fixture("people", "mpii_004645041.jpg"),
            RepoPaths.Fixture("scenes", "beach_01.jpg") })
        {
            var bytes = File.ReadAllBytes(fixture);
            foreach (var share in new[] { 0.001, 0.01, 0.1, 0.5, 0.9, 0.999 })
                yield return ($"truncated-{share}.jpg", bytes[..Math.Max(1, (int)(bytes.Length * share))]);
            for (var seed = 0; seed < 6; seed++)
            {
                var flipped = (byte[])bytes.Clone();
                for (var i = 0; i < 20; i++)
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                yield return ($"flipped-{seed}.jpg", flipped);
            }
            yield return ("jpeg-then-zip.jpg", [.. bytes, .. "PK\u0003\u0004 not really a zip"u8]);
            yield return ("jpeg-as.png", bytes);
            yield return ("jpeg.exe", bytes);
            yield return ("../../etc/passwd.jpg", bytes);
            yield return (new string('x', 300) + ".jpg", bytes);
        }
        yield return ("bomb.png", TestPng.Grey(60_000, 60_000, rows: 64));
        yield return ("wide.png", TestPng.Grey(30_000, 1, rows: 1));
        yield return ("tiny.png", TestPng.Grey(1, 1, rows: 1));
        yield return ("tall.png", TestPng.Grey(1, 4000, rows: 4000));
        yield return ("zero-size.png", TestPng.Grey(0, 0, rows: 0));
        yield return ("xxe.svg",
            Encoding.UTF8.GetBytes("""
                <?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><text>&xxe;</text></svg>
                """));
        yield return ("svg-as.jpg",
            Encoding.UTF8.GetBytes("""
                <svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000">
                <rect width="100%" height="100%"/></svg>
                """));
        yield return ("page.html", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"));
        yield return ("doc.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"));
        yield return ("program.jpg", [(byte)'M', (byte)'Z', .. new byte[500]]);
        yield return ("gif-huge.gif", [.. "GIF89a"u8, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x3B]);
        yield return ("bmp.bmp", [(byte)'B', (byte)'M', .. new byte[60]]);
        yield return ("utf16.jpg", Encoding.Unicode.GetBytes("not an image at all"));
    }

    private async Task<List<(string Name, byte[] Bytes)>> VideoCorpusAsync()
    {
        var clips = new List<(string, byte[])>();
        async Task Add(string name, params string[] args)
        {
            var path = Path.Combine(_folder, name);
            var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
            foreach (var arg in (string[])["-v", "error", "-nostdin", "-y", .. args, path])
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"ffmpeg could not make {name}");
            clips.Add((name, await File.ReadAllBytesAsync(path)));
        }
        await Add("audio-only.mp4", "-f", "lavfi", "-i", "sine=duration=3", "-c:a", "aac");
        await Add("one-frame.mp4", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=1", "-frames:v", "1");
        await Add("absurd-rate.mp4", "-f", "lavfi", "-i", "testsrc=duration=1:size=64x64:rate=1000", "-r", "1000");
        await Add("slow-rate.mkv", "-f", "lavfi", "-i", "testsrc=duration=2:size=64x64:rate=1", "-r", "0.01");
        await Add("raw-stream.mp4", "-f", "lavfi", "-i", "testsrc=duration=2:size=64x64:rate=10", "-c:v", "mpeg4", "-f",
            "m4v");
        await Add("tiny.webm", "-f", "lavfi", "-i", "testsrc=duration=1:size=16x16:rate=10", "-c:v", "libvpx");
        await Add("huge-frame.webm", "-f", "lavfi", "-i", "color=size=8192x64:duration=0.3:rate=10", "-c:v", "libvpx");
        var good = await File.ReadAllBytesAsync(RepoPaths.Fixture("videos", "squat_studio_pexels4838220.mp4"));
        clips.Add(("truncated.mp4", good[..(good.Length / 3)]));
        clips.Add(("header-only.mp4", good[..64]));
        var flipped = (byte[])good.Clone();
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
            flipped[random.Next(flipped.Length)] ^= 0xFF;
        clips.Add(("flipped.mp4", flipped));
        return clips;
    }

    private static IEnumerable<string> JsonCorpus()
    {
        yield return "";
        yield return "null";
        yield return "[]";
        yield return "{}";
        yield return "\"text\"";
        yield return "42";
        yield return "{";
        yield return "{\"a\":";
        yield return new string('[', 5000) + new string(']', 5000);
        yield return "{\"goals\":null,\"level\":null,\"limitations\":null,\"preferences\":null,\"heightCm\":null}";
        yield return "{\"goals\":[null],\"level\":-1}";
        yield return "{\"goals\":[\"yoga\",\"unknown\"],\"level\":\"expert\"}";
        yield return "{\"level\":99999999999999999999}";
        yield return "{\"heightCm\":-5}";
        yield return "{\"heightCm\":1e308}";
        yield return "{\"preferences\":[" + string.Join(",", Enumerable.Repeat("\"x\"", 5000)) + "]}";
        yield return "{\"prompt\":\"" + new string('p', 100_000) + "\"}";
        yield return "{\"prompt\":null,\"environment\":[null],\"outfit\":[1,2],\"count\":-1}";
        yield return "{\"count\":2147483648}";
        yield return "{\"poseId\":null,\"kind\":null}";
        yield return "{\"poseId\":\"../../etc/passwd\",\"kind\":\"like\"}";
        yield return "{\"poseId\":\"warrior-2\",\"kind\":7}";
        yield return "{\"reference\":null,\"candidate\":null}";
        yield return "{\"reference\":[],\"candidate\":[]}";
        yield return "{\"reference\":[" + string.Join(",", Enumerable.Repeat("null", 17)) + "],\"candidate\":["
            + string.Join(",", Enumerable.Repeat("{}", 17)) + "]}";
        yield return "{\"reference\":[" + string.Join(",", Enumerable.Repeat(
            "{\"name\":\"nose\",\"x\":\"NaN\",\"y\":1e39,\"score\":-1}", 17)) + "],\"candidate\":["
            + string.Join(",", Enumerable.Repeat("{\"name\":null,\"x\":0,\"y\":0,\"score\":0}", 17))
            + "],\"model\":\"warp\"}";
        yield return """{"poseId":"warrior-2","steps":-1,"width":100000,"height":0,"guidance":1e30,"seed":-1}""";
        yield return "{\"keypoints\":[1,2,3]}";
        yield return "{\"keypoints\":[" + string.Join(",", Enumerable.Repeat("1e30", 54)) + "]}";
        yield return "{\"keypoints\":[" + string.Join(",", Enumerable.Repeat("-1", 54)) + "],\"width\":-64}";
        yield return "{\"analysisId\":\"00000000-0000-0000-0000-000000000000\"}";
        yield return "{\"analysisId\":\"not-a-guid\"}";
        yield return "{\"initAnalysisId\":\"" + Guid.NewGuid() + "\",\"strength\":5,\"poseId\":\"warrior-2\"}";
        yield return "{\"poseId\":\"warrior-2\",\"view\":\"upside-down\",\"heightM\":-2}";
        yield return "{\"poseId\":\"warrior-2\",\"scheduler\":\"<script>\",\"prompt\":\"\\u0000\\ud800\"}";
    }
}
