namespace PoseGen.Imaging.Tests.TestData;

/// <summary>
/// A 1x1 GIF89a with one frame per palette index (GIF89a spec): header, logical screen descriptor with a 2-entry global
/// colour table, then per frame an image descriptor and LZW data. With LZW minimum code size 2 the codes are 3 bits
/// wide, packed LSB first: CLEAR (4), the pixel's index, END (5) = 4 | index &lt;&lt; 3 | 5 &lt;&lt; 6, two bytes.
/// </summary>
internal static class GifBuilder
{
    public static byte[] OnePixelFrames(params int[] paletteIndices)
    {
        List<byte> gif = [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF];
        foreach (var index in paletteIndices)
        {
            var codes = 4 | (index << 3) | (5 << 6);
            gif.AddRange([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, (byte)codes, (byte)(codes >> 8), 0]);
        }
        gif.Add(0x3B);
        return [.. gif];
    }
}
