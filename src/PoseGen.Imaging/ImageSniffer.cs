using System.Buffers.Binary;
using NetVips;
using PoseGen.Core.Imaging;

namespace PoseGen.Imaging;

/// <summary>
/// Decides from magic bytes (libvips' own loader sniffing) whether bytes are a format PoseGen accepts, before any
/// loader runs. <see cref="LibvipsRuntime"/> also blocks every other loader inside libvips; this check is what names
/// the format in the refusal and keeps uploads away from the SVG loader, which stays enabled for
/// <see cref="IImageCodec.RenderSvg"/>.
/// </summary>
internal static class ImageSniffer
{
    public static ImageFormat Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            throw new ImageDecodeException(ImageErrorKind.Empty, "No image bytes were given");
        // Buffer loader class names; blocked loaders are skipped by libvips' sniffing, so their formats land here as
        // null.
        var loaderType = Image.FindLoadBuffer(bytes);
        if (loaderType is null)
            throw new ImageDecodeException(ImageErrorKind.UnsupportedFormat, "The bytes are not a recognised image",
                LibvipsErrors.Take());

        // Uhdr is libvips' loader for Ultra HDR JPEGs (a JPEG with a gain map, common from Android cameras).
        return loaderType switch
        {
            "VipsForeignLoadJpegBuffer" or "VipsForeignLoadUhdrBuffer" => ImageFormat.Jpeg,
            "VipsForeignLoadPngBuffer" => ImageFormat.Png,
            "VipsForeignLoadWebpBuffer" => ImageFormat.WebP,
            "VipsForeignLoadNsgifBuffer" => ImageFormat.Gif,
            "VipsForeignLoadHeifBuffer" when IsAvif(bytes) => ImageFormat.Avif,
            _ => throw new ImageDecodeException(
                ImageErrorKind.UnsupportedFormat,
                $"{Describe(loaderType)} images are not accepted; use JPEG, PNG, WebP, GIF or AVIF"),
        };
    }

    private static string Describe(string loaderType) =>
        loaderType.Replace("VipsForeignLoad", "", StringComparison.Ordinal)
            .Replace("Buffer", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>
    /// heifload also takes HEIC, whose HEVC codec this libvips build lacks. An ISO-BMFF file is AVIF when its leading
    /// "ftyp" box (ISO/IEC 14496-12 4.3: size, "ftyp", major brand, minor version, compatible brands) lists "avif" or
    /// "avis".
    /// </summary>
    internal static bool IsAvif(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 16 || !bytes.Slice(4, 4).SequenceEqual("ftyp"u8))
            return false;
        var boxEnd = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(bytes), (uint)bytes.Length);
        for (var offset = 8; offset + 4 <= boxEnd; offset += 4)
        {
            if (offset == 12)
                continue; // minor version, not a brand
            var brand = bytes.Slice(offset, 4);
            if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8))
                return true;
        }
        return false;
    }
}
