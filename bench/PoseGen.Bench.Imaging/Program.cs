using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using PoseGen.Imaging;

// Times each codec operation on a real photo: the largest fixture, and the same photo upscaled to 12 MP and re-encoded
// as a phone-sized JPEG (q90). Prints a Markdown table: median and p90 wall-clock ms per call (one caller thread), and
// the process CPU ms per call (all threads: libvips workers, GC), which stays meaningful when the machine is shared and
// busy.
var fixtures = args.Length > 0 ? args[0] : FindFixtures();
var source = File.ReadAllBytes(Path.Combine(fixtures, "people", "posetrack18_003418_mpii_test_000000.jpg"));
var codec = new LibvipsImageCodec(Options.Create(new ImagingOptions()));
var phone = codec.Encode(codec.Resize(codec.Decode(source), 4000, 3000), EncodeFormat.Jpeg, 90);
var decodedPhone = codec.Decode(phone);
var bomb = PngBomb(100_000, 100_000);
var pose = PoseMapSvg();

var cases = new (string Name, int Iterations, Action Run)[]
{
    ("Probe 12 MP JPEG (header only)", 200, () => codec.Probe(phone)),
    ("Refuse 100000x100000 PNG header (TooLarge)", 200, () => Refuse(codec, bomb)),
    ("Decode 12 MP JPEG to RGB", 10, () => codec.Decode(phone)),
    ("DecodeThumbnail 12 MP JPEG to 256 px (shrink-on-load)", 50, () => codec.DecodeThumbnail(phone, 256, 256)),
    ("Decode + Thumbnail 12 MP JPEG to 256 px (no shrink-on-load)", 10,
        () => codec.Thumbnail(codec.Decode(phone), 256, 256)),
    ($"Decode {source.Length / 1024} KB 1920x1080 fixture JPEG", 50, () => codec.Decode(source)),
    ("Thumbnail 12 MP RGB to 1280 px", 10, () => codec.Thumbnail(decodedPhone, 1280, 1280)),
    ("Encode 1280x960 JPEG q85", 30, () => codec.Encode(codec.Thumbnail(decodedPhone, 1280, 1280), EncodeFormat.Jpeg)),
    ("Render 640x480 SVG pose map", 50, () => codec.RenderSvg(pose, RgbColor.Black)),
};

Console.WriteLine(
    $"libvips {codec.Info.Version}, concurrency {codec.Info.Concurrency}, {Environment.ProcessorCount} cores");
Console.WriteLine();
Console.WriteLine("| operation | calls | median ms | p90 ms | CPU ms/call |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (var (name, iterations, run) in cases)
{
    run(); // warm-up: first-call costs (JIT, libvips type init) are not what a running server pays
    var times = new double[iterations];
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    for (var i = 0; i < iterations; i++)
    {
        var started = Stopwatch.GetTimestamp();
        run();
        times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
    var cpuPerCall = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / iterations;
    Array.Sort(times);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {iterations} | {times[iterations / 2]:0.00} | {times[(int)(iterations * 0.9)]:0.00} | " +
        $"{cpuPerCall:0.00} |"));
}

static void Refuse(IImageCodec codec, byte[] bytes)
{
    try
    {
        codec.Decode(bytes);
        throw new InvalidOperationException("The oversized PNG was decoded");
    }
    catch (ImageDecodeException e) when (e.Kind == ImageErrorKind.TooLarge)
    {
    }
}

static string FindFixtures()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
        if (Directory.Exists(candidate))
            return candidate;
    }
    throw new DirectoryNotFoundException(
        "shared/fixtures not found above the binary; pass its path as the first argument");
}

static string PoseMapSvg()
{
    var lines = string.Concat(Enumerable.Range(0, 16).Select(i =>
        $"<line x1=\"{40 * i}\" y1=\"{30 * i}\" x2=\"{600 - (30 * i)}\" y2=\"{20 * i}\" stroke=\"#00ff88\" " +
        $"stroke-width=\"4\"/>" +
        $"<circle cx=\"{40 * i}\" cy=\"{30 * i}\" r=\"6\" fill=\"#ff3366\"/>"));
    return $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"480\">{lines}</svg>";
}

// Signature, IHDR (RGB, 8-bit) announcing the size, an IDAT holding one zero row, IEND; CRC-32 per PNG spec annex D.
static byte[] PngBomb(int width, int height)
{
    using var raw = new MemoryStream();
    using (var zlib = new System.IO.Compression.ZLibStream(raw, System.IO.Compression.CompressionLevel.Fastest,
        leaveOpen: true))
        zlib.Write(new byte[1 + (width * 3)]);
    using var png = new MemoryStream();
    png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
    var ihdr = new byte[13];
    System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
    System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
    (ihdr[8], ihdr[9]) = (8, 2);
    Chunk(png, "IHDR"u8, ihdr);
    Chunk(png, "IDAT"u8, raw.ToArray());
    Chunk(png, "IEND"u8, []);
    return png.ToArray();

    static void Chunk(Stream png, ReadOnlySpan<byte> type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        byte[] typeAndData = [.. type, .. data];
        png.Write(typeAndData);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typeAndData)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(word, crc ^ 0xFFFFFFFFu);
        png.Write(word);
    }
}
