using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PoseGen.Imaging.Tests.TestData;

/// <summary>
/// Writes PNG files byte by byte (PNG spec, W3C 2003): signature, IHDR, IDAT (zlib of rows each prefixed by filter type
/// 0), IEND, each chunk closed by a CRC-32 over type and data. Lets tests make inputs libvips did not produce itself.
/// </summary>
internal static class PngBuilder
{
    // PNG colour types: 0 grey, 2 RGB, 4 grey + alpha, 6 RGBA.
    public const byte Grey = 0;
    public const byte Rgb = 2;
    public const byte GreyAlpha = 4;
    public const byte Rgba = 6;

    public static byte[] Build(int width, int height, byte bitDepth, byte colourType, byte[] samples)
    {
        var bytesPerPixel = ChannelCount(colourType) * bitDepth / 8;
        var stride = width * bytesPerPixel;
        if (samples.Length != stride * height)
            throw new ArgumentException($"Expected {stride * height} sample bytes", nameof(samples));
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0);
                zlib.Write(samples, y * stride, stride);
            }
        }
        using var png = new MemoryStream();
        WriteSignatureAndHeader(png, width, height, bitDepth, colourType);
        WriteChunk(png, "IDAT", raw.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>
    /// What a decompression bomb looks like up front: a valid IHDR announcing the size, then an IDAT holding only the
    /// first (all-zero) row, then IEND. libvips' PNG loader (libspng) needs to see IDAT before it reports a header at
    /// all. Decoding the body would fail as truncated, so a caller seeing TooLarge knows the check came before
    /// decoding.
    /// </summary>
    public static byte[] BombHeader(int width, int height)
    {
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
            zlib.Write(new byte[1 + (width * 3)]);
        using var png = new MemoryStream();
        WriteSignatureAndHeader(png, width, height, 8, Rgb);
        WriteChunk(png, "IDAT", raw.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteSignatureAndHeader(Stream png, int width, int height, byte bitDepth, byte colourType)
    {
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = bitDepth;
        ihdr[9] = colourType; // then compression 0, filter 0, interlace 0
        WriteChunk(png, "IHDR", ihdr);
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typeAndData));
        png.Write(word);
    }

    private static int ChannelCount(byte colourType) => colourType switch
    {
        Grey => 1,
        Rgb => 3,
        GreyAlpha => 2,
        Rgba => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(colourType)),
    };

    /// <summary>
    /// CRC-32 as in PNG spec annex D (reflected polynomial 0xEDB88320, init and final xor 0xFFFFFFFF).
    /// </summary>
    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return crc ^ 0xFFFFFFFFu;
    }
}
