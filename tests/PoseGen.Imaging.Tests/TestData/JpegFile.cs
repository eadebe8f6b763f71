using System.Buffers.Binary;

namespace PoseGen.Imaging.Tests.TestData;

/// <summary>Reads and edits JPEG markers directly (ITU T.81 B.1), so expectations do not come from libvips itself.</summary>
internal static class JpegFile
{
    /// <summary>Frame size from the first SOFn marker (C0-CF except C4 DHT, C8 JPG, CC DAC): length, precision, height, width.</summary>
    public static (int Width, int Height) FrameSize(ReadOnlySpan<byte> jpeg)
    {
        var offset = 2;
        while (offset + 9 < jpeg.Length)
        {
            if (jpeg[offset] != 0xFF)
                throw new InvalidDataException($"No marker at {offset}");
            var marker = jpeg[offset + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(offset + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(offset + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(offset + 7)..]);
                return (width, height);
            }
            offset += 2 + length;
        }
        throw new InvalidDataException("No SOF marker");
    }

    /// <summary>
    /// Inserts an APP1 Exif segment right after SOI holding one IFD0 entry: Orientation (tag 0x0112, SHORT, count 1).
    /// TIFF header is big-endian "MM", 42, IFD at offset 8; the entry's 4-byte value field holds the SHORT left-aligned.
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
