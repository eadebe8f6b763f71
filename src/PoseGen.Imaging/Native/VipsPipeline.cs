using System.Runtime.InteropServices;
using PoseGen.Core.Imaging;

namespace PoseGen.Imaging.Native;

/// <summary>
/// Steps shared by every path that ends in an <see cref="RgbImage"/>. Each step returns a new handle; the caller disposes
/// both input and output, and libvips keeps the inputs alive through the output's own references.
/// </summary>
internal static unsafe class VipsPipeline
{
    /// <summary>Wraps an RgbImage's pinned bytes as a 3-band uchar sRGB VipsImage (libvips' default interpretation for that).</summary>
    public static VipsImageHandle FromPinnedRgb(RgbImage image, byte* pixels)
    {
        var handle = VipsNative.ImageNewFromMemory(pixels, (nuint)image.Pixels.Length, image.Width, image.Height, 3, VipsNative.FormatUchar);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw VipsErrors.Failed("vips_image_new_from_memory failed");
        }
        return handle;
    }

    /// <summary>
    /// Turns any decoded image into 8-bit 3-band sRGB: colourspace first (grey, CMYK and 16-bit become 8-bit sRGB, alpha kept
    /// and scaled to 0-255), then alpha is flattened onto <paramref name="background"/>, then any extra bands are dropped.
    /// Failures here are decode failures: pixels are read lazily, so a corrupt body surfaces during these steps.
    /// </summary>
    public static RgbImage ToRgbImage(VipsImageHandle decoded, RgbColor background)
    {
        using var srgb = Check(VipsNative.Colourspace(decoded, out var o1, VipsNative.InterpretationSrgb, 0), o1, "colourspace");
        using var flat = VipsNative.ImageHasAlpha(srgb) != 0 ? Flatten(srgb, background) : null;
        var current = flat ?? srgb;
        using var uchar = VipsNative.ImageGetFormat(current) == VipsNative.FormatUchar
            ? null
            : Check(VipsNative.Cast(current, out var o2, VipsNative.FormatUchar, 0), o2, "cast");
        current = uchar ?? current;
        var bands = VipsNative.ImageGetBands(current);
        if (bands < 3)
            throw new ImageDecodeException(ImageErrorKind.UnsupportedFormat, $"Image has {bands} band(s) after sRGB conversion");
        using var rgb = bands == 3 ? null : Check(VipsNative.ExtractBand(current, out var o3, 0, "n", 3, 0), o3, "extract_band");
        return ReadRgb(rgb ?? current);
    }

    /// <summary>
    /// Materialises a 3-band uchar image straight into a fresh managed RgbImage: libvips writes into the pinned array, so
    /// there is no libvips-side buffer to copy out of (for a full 12 MP decode that copy and its page faults were about
    /// 40% of the time; bench/RESULTS.md, "Keypoints").
    /// </summary>
    public static RgbImage ReadRgb(VipsImageHandle image)
    {
        var width = VipsNative.ImageGetWidth(image);
        var height = VipsNative.ImageGetHeight(image);
        // The output buffer is sized for 3 x uchar; vips_image_write copies the input's header onto it, so anything else
        // would write past the array.
        if (VipsNative.ImageGetBands(image) != 3 || VipsNative.ImageGetFormat(image) != VipsNative.FormatUchar)
            throw VipsErrors.Failed($"Expected 3-band uchar pixels, got {VipsNative.ImageGetBands(image)} band(s) of format {VipsNative.ImageGetFormat(image)}");
        var pixels = GC.AllocateUninitializedArray<byte>(checked(width * height * 3));
        fixed (byte* destination = pixels)
        {
            using var output = VipsNative.ImageNewFromMemory(destination, (nuint)pixels.Length, width, height, 3, VipsNative.FormatUchar);
            if (output.IsInvalid)
                throw VipsErrors.Failed("vips_image_new_from_memory failed");
            if (VipsNative.ImageWrite(image, output) != 0)
                throw VipsErrors.Corrupt("Decoding pixels failed");
        }
        return new RgbImage(width, height, pixels);
    }

    public static VipsImageHandle Check(int status, VipsImageHandle output, string operation)
    {
        if (status == 0 && !output.IsInvalid)
            return output;
        output.Dispose();
        throw VipsErrors.Corrupt($"libvips {operation} failed");
    }

    private static VipsImageHandle Flatten(VipsImageHandle image, RgbColor background)
    {
        var rgb = stackalloc double[] { background.R, background.G, background.B };
        var array = VipsNative.ArrayDoubleNew(rgb, 3);
        try
        {
            return Check(VipsNative.Flatten(image, out var output, "background", array, 0), output, "flatten");
        }
        finally
        {
            VipsNative.AreaUnref(array);
        }
    }

    public static byte[] CopyAndFree(nint buffer, nuint length)
    {
        try
        {
            var bytes = GC.AllocateUninitializedArray<byte>(checked((int)length));
            Marshal.Copy(buffer, bytes, 0, bytes.Length);
            return bytes;
        }
        finally
        {
            VipsNative.GFree(buffer);
        }
    }
}
