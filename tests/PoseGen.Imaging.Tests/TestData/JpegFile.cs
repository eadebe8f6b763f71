using System.Buffers.Binary;

namespace PoseGen.Imaging.Tests.TestData;

/// <summary>
/// Reads and edits JPEG markers directly (ITU T.81 B.1), so expectations do not come from libvips itself.
/// </summary>
internal static class JpegFile
{
    /// <summary>
    /// Frame size from the first SOFn marker (C0-CF except C4 DHT, C8 JPG, CC DAC): length, precision, height, width.
    /// </summary>
    public static (int Width, int Height) FrameSize(ReadOnlySpan<byte> jpeg)
    {
        var frame = Frame(jpeg);
        return (BinaryPrimitives.ReadUInt16BigEndian(frame[5..]), BinaryPrimitives.ReadUInt16BigEndian(frame[3..]));
    }

    /// <summary>
    /// Horizontal and vertical sampling factors of each component in frame order (SOFn after precision, height, width:
    /// component count Nf, then Nf x [id, Hi (high nibble) Vi (low nibble), Tq]). 4:2:0 is Y 2x2 with Cb and Cr 1x1.
    /// </summary>
    public static IReadOnlyList<(int H, int V)> SamplingFactors(ReadOnlySpan<byte> jpeg)
    {
        var frame = Frame(jpeg);
        var components = frame[7];
        var factors = new List<(int H, int V)>(components);
        for (var c = 0; c < components; c++)
        {
            var hv = frame[8 + c * 3 + 1];
            factors.Add((hv >> 4, hv & 0x0F));
        }
        return factors;
    }

    /// <summary>
    /// The first SOFn segment from its length field on (length, precision, height, width, components).
    /// </summary>
    private static ReadOnlySpan<byte> Frame(ReadOnlySpan<byte> jpeg)
    {
        var offset = 2;
        while (offset + 9 < jpeg.Length)
        {
            if (jpeg[offset] != 0xFF)
                throw new InvalidDataException($"No marker at {offset}");
            var marker = jpeg[offset + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(offset + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return jpeg.Slice(offset + 2, length);
            offset += 2 + length;
        }
        throw new InvalidDataException("No SOF marker");
    }

    /// <summary>
    /// Inserts an APP1 Exif segment right after SOI holding one IFD0 entry: Orientation (tag 0x0112, SHORT, count 1).
    /// TIFF header is big-endian "MM", 42, IFD at offset 8; the entry's 4-byte value field holds the SHORT
    /// left-aligned.
    /// </summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] tiff =
        [
            (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8,
            0, 1,
            0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0,
            0, 0, 0, 0,
        ];
        byte[] exifId = [(byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0];
        var segmentLength = 2 + exifId.Length + tiff.Length;
        byte[] app1 = [0xFF, 0xE1, (byte)(segmentLength >> 8), (byte)segmentLength, .. exifId, .. tiff];
        return [.. jpeg.AsSpan(0, 2), .. app1, .. jpeg.AsSpan(2)];
    }
}
