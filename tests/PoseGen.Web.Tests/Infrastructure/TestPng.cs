using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PoseGen.Web.Tests.Infrastructure;

/// <summary>
/// Grey PNGs written byte by byte, so a test can make any picture, including a header that lies about its size.
/// </summary>
internal static class TestPng
{
    /// <summary>A PNG declaring <paramref name="width"/> x <paramref name="height"/> whose data holds only the first
    /// <paramref name="rows"/> rows of <paramref name="grey"/> (all rows: a valid picture; fewer: a decompression
    /// bomb's header).</summary>
    public static byte[] Grey(int width, int height, int rows, byte grey = 0)
    {
        using var data = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[width + 1];
            Array.Fill(row, grey, 1, width);
            for (var y = 0; y < rows; y++)
                zlib.Write(row);
        }
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey)
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", data.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] body)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(body).ToArray();
        png.Write(typed);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typed)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        var tail = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, ~crc);
        png.Write(tail);
    }
}
