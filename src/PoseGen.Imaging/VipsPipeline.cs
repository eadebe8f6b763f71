using NetVips;
using PoseGen.Core.Imaging;

namespace PoseGen.Imaging;

/// <summary>
/// Steps shared by every path that ends in an <see cref="RgbImage"/>. Each step returns a new Image; the caller
/// disposes both input and output, and libvips keeps the inputs alive through the output's own references.
/// </summary>
internal static class VipsPipeline
{
    /// <summary>
    /// Wraps an RgbImage's bytes as a 3-band uchar sRGB Image without copying (libvips' default interpretation for
    /// that). NetVips pins the array until libvips closes the image, so dispose the wrapper and everything built on it.
    /// </summary>
    public static Image Wrap(RgbImage image) => Image.NewFromMemory(image.Pixels, image.Width, image.Height, 3,
        Enums.BandFormat.Uchar);

    /// <summary>
    /// Turns any decoded image into 8-bit 3-band sRGB: colourspace first (grey, CMYK and 16-bit become 8-bit sRGB,
    /// alpha kept and scaled to 0-255), then alpha is flattened onto <paramref name="background"/>, then any extra
    /// bands are dropped. Failures here are decode failures: pixels are read lazily, so a corrupt body surfaces during
    /// these steps.
    /// </summary>
    public static RgbImage ToRgbImage(Image decoded, RgbColor background)
    {
        using var srgb = LibvipsErrors.Decoding(() => decoded.Colourspace(Enums.Interpretation.Srgb),
            "libvips colourspace failed");
        using var flat = srgb.HasAlpha()
            ? LibvipsErrors.Decoding(() => srgb.Flatten([background.R, background.G, background.B]),
                "libvips flatten failed")
            : null;
        var current = flat ?? srgb;
        using var uchar = current.Format == Enums.BandFormat.Uchar
            ? null
            : LibvipsErrors.Decoding(() => current.Cast(Enums.BandFormat.Uchar), "libvips cast failed");
        current = uchar ?? current;
        var bands = current.Bands;
        if (bands < 3)
            throw new ImageDecodeException(ImageErrorKind.UnsupportedFormat,
                $"Image has {bands} band(s) after sRGB conversion");
        using var rgb = bands == 3 ? null : LibvipsErrors.Decoding(() => current.ExtractBand(0, n: 3),
            "libvips extract_band failed");
        return ReadRgb(rgb ?? current);
    }

    /// <summary>
    /// Materialises a 3-band uchar image straight into a fresh managed RgbImage: libvips writes into the pinned array,
    /// so there is no libvips-side buffer to copy out of (for a full 12 MP decode that copy and its page faults were
    /// about 40% of the time; bench/RESULTS.md, "Keypoints"). Image.WriteToMemory would bring that copy back.
    /// </summary>
    public static RgbImage ReadRgb(Image image)
    {
        var (width, height) = (image.Width, image.Height);
        // The output wraps an array sized for 3 x uchar; vips_image_write copies the input's header onto it, so
        // anything else would write past the array.
        if (image.Bands != 3 || image.Format != Enums.BandFormat.Uchar)
            throw new LibvipsException(
                $"Expected 3-band uchar pixels, got {image.Bands} band(s) of format {image.Format}");
        var pixels = GC.AllocateUninitializedArray<byte>(checked(width * height * 3));
        using (var output = Image.NewFromMemory(pixels, width, height, 3, Enums.BandFormat.Uchar))
        {
            LibvipsErrors.Decoding(
                () =>
                {
                    image.Write(output);
                    return output;
                },
                "Decoding pixels failed");
        }
        return new RgbImage(width, height, pixels);
    }
}
