using System.Reflection;
using System.Runtime.InteropServices;

namespace PoseGen.Imaging.Native;

/// <summary>
/// P/Invoke declarations for the libvips C API exported by libvips-cpp (from @img/sharp-libvips-linux-x64, glib linked in).
/// libvips' optional arguments are C varargs terminated by NULL. Each varargs function is declared here with the exact
/// list of name/value pairs we pass, ending in a zero pointer. On x64 SysV, int and pointer varargs travel in the same
/// registers and stack slots as fixed arguments, so these fixed-arity declarations are ABI-correct; double varargs are not
/// (they depend on %al, which the marshaller does not set), so no declaration below passes a double through "...".
/// </summary>
internal static unsafe partial class VipsNative
{
    public const string Library = "libvips-cpp.so.8.18.7";

    // VipsInterpretation, VipsBandFormat, VipsSize, VipsInteresting and VipsFailOn values from libvips' headers.
    public const int InterpretationSrgb = 22;
    public const int FormatUchar = 0;
    public const int SizeDown = 2;
    public const int SizeForce = 3;
    public const int InterestingNone = 0;
    public const int InterestingCentre = 1;
    public const int FailOnTruncated = 1;

    /// <summary>
    /// The same setting in libvips' option-string syntax. thumbnail_buffer passes its option_string, not its own fail_on, to
    /// the loader it opens (libvips resample/thumbnail.c), so this is how a truncated upload fails there too.
    /// </summary>
    public const string FailOnTruncatedOptions = "fail_on=truncated";
    public const int KeepNone = 0;
    public const int HeifCompressionAv1 = 4;

    /// <summary>heifsave "effort" 0 (fastest) to 9; libvips' default 4 takes seconds per small photo with libaom here.</summary>
    public const int HeifEffort = 1;

    static VipsNative() => NativeLibrary.SetDllImportResolver(typeof(VipsNative).Assembly, Resolve);

    // PoseGen.Native copies the library next to every app and test binary; fall back to the loader's search path.
    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
            return IntPtr.Zero;
        var local = Path.Combine(AppContext.BaseDirectory, Library);
        return NativeLibrary.Load(File.Exists(local) ? local : Library);
    }

    [LibraryImport(Library, EntryPoint = "vips_init", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Init(string argv0);

    [LibraryImport(Library, EntryPoint = "vips_version_string")]
    public static partial nint VersionString();

    [LibraryImport(Library, EntryPoint = "vips_concurrency_set")]
    public static partial void ConcurrencySet(int concurrency);

    [LibraryImport(Library, EntryPoint = "vips_concurrency_get")]
    public static partial int ConcurrencyGet();

    /// <summary>Bytes currently held by libvips' tracked allocator (pixel buffers of live images, among others).</summary>
    [LibraryImport(Library, EntryPoint = "vips_tracked_get_mem")]
    public static partial nuint TrackedGetMem();

    [LibraryImport(Library, EntryPoint = "vips_cache_set_max")]
    public static partial void CacheSetMax(int max);

    [LibraryImport(Library, EntryPoint = "vips_cache_set_max_mem")]
    public static partial void CacheSetMaxMem(nuint maxBytes);

    [LibraryImport(Library, EntryPoint = "vips_cache_set_max_files")]
    public static partial void CacheSetMaxFiles(int max);

    /// <summary>Copies and clears the (process-wide) error buffer under libvips' lock; free the result with g_free.</summary>
    [LibraryImport(Library, EntryPoint = "vips_error_buffer_copy")]
    public static partial nint ErrorBufferCopy();

    [LibraryImport(Library, EntryPoint = "g_free")]
    public static partial void GFree(nint memory);

    [LibraryImport(Library, EntryPoint = "g_object_unref")]
    public static partial void GObjectUnref(nint gobject);

    /// <summary>Returns a static loader nickname such as "jpegload_buffer", or 0 when no loader recognises the bytes.</summary>
    [LibraryImport(Library, EntryPoint = "vips_foreign_find_load_buffer")]
    public static partial nint ForeignFindLoadBuffer(byte* data, nuint size);

    /// <summary>Reads the header only; pixels are decoded lazily from <paramref name="buffer"/>, which must stay pinned.</summary>
    [LibraryImport(Library, EntryPoint = "vips_image_new_from_buffer", StringMarshalling = StringMarshalling.Utf8)]
    public static partial VipsImageHandle ImageNewFromBuffer(byte* buffer, nuint length, string optionString, string failOnName, int failOn, nint end);

    /// <summary>Wraps caller memory without copying; it must stay pinned while the image (or anything built on it) is read.</summary>
    [LibraryImport(Library, EntryPoint = "vips_image_new_from_memory")]
    public static partial VipsImageHandle ImageNewFromMemory(byte* data, nuint size, int width, int height, int bands, int format);

    [LibraryImport(Library, EntryPoint = "vips_svgload_buffer")]
    public static partial int SvgLoadBuffer(byte* buffer, nuint length, out VipsImageHandle output, nint end);

    [LibraryImport(Library, EntryPoint = "vips_image_get_width")]
    public static partial int ImageGetWidth(VipsImageHandle image);

    [LibraryImport(Library, EntryPoint = "vips_image_get_height")]
    public static partial int ImageGetHeight(VipsImageHandle image);

    [LibraryImport(Library, EntryPoint = "vips_image_get_bands")]
    public static partial int ImageGetBands(VipsImageHandle image);

    [LibraryImport(Library, EntryPoint = "vips_image_get_format")]
    public static partial int ImageGetFormat(VipsImageHandle image);

    [LibraryImport(Library, EntryPoint = "vips_image_get_n_pages")]
    public static partial int ImageGetNPages(VipsImageHandle image);

    [LibraryImport(Library, EntryPoint = "vips_image_hasalpha")]
    public static partial int ImageHasAlpha(VipsImageHandle image);

    /// <summary>The GType of a metadata field, or 0 when absent (asking get_int for a missing field logs an error).</summary>
    [LibraryImport(Library, EntryPoint = "vips_image_get_typeof", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nuint ImageGetTypeof(VipsImageHandle image, string name);

    [LibraryImport(Library, EntryPoint = "vips_image_get_int", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ImageGetInt(VipsImageHandle image, string name, out int value);

    /// <summary>
    /// Evaluates <paramref name="image"/> into <paramref name="output"/>; an output from <see cref="ImageNewFromMemory"/>
    /// (a "foreign" buffer) is filled in place, so its header must already match the input's.
    /// </summary>
    [LibraryImport(Library, EntryPoint = "vips_image_write")]
    public static partial int ImageWrite(VipsImageHandle image, VipsImageHandle output);

    [LibraryImport(Library, EntryPoint = "vips_autorot")]
    public static partial int Autorot(VipsImageHandle input, out VipsImageHandle output, nint end);

    [LibraryImport(Library, EntryPoint = "vips_colourspace")]
    public static partial int Colourspace(VipsImageHandle input, out VipsImageHandle output, int space, nint end);

    [LibraryImport(Library, EntryPoint = "vips_flatten", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Flatten(VipsImageHandle input, out VipsImageHandle output, string backgroundName, nint background, nint end);

    [LibraryImport(Library, EntryPoint = "vips_cast")]
    public static partial int Cast(VipsImageHandle input, out VipsImageHandle output, int format, nint end);

    [LibraryImport(Library, EntryPoint = "vips_extract_band", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ExtractBand(VipsImageHandle input, out VipsImageHandle output, int band, string countName, int count, nint end);

    [LibraryImport(Library, EntryPoint = "vips_extract_area")]
    public static partial int ExtractArea(VipsImageHandle input, out VipsImageHandle output, int left, int top, int width, int height, nint end);

    [LibraryImport(Library, EntryPoint = "vips_thumbnail_buffer", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ThumbnailBuffer(
        byte* buffer, nuint length, out VipsImageHandle output, int width,
        string heightName, int height, string sizeName, int size, string cropName, int crop, string optionStringName, string loaderOptions, nint end);

    [LibraryImport(Library, EntryPoint = "vips_thumbnail_image", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ThumbnailImage(
        VipsImageHandle input, out VipsImageHandle output, int width,
        string heightName, int height, string sizeName, int size, string cropName, int crop, nint end);

    [LibraryImport(Library, EntryPoint = "vips_jpegsave_buffer", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int JpegSaveBuffer(
        VipsImageHandle input, out nint buffer, out nuint length, string qualityName, int quality, string keepName, int keep,
        string subsampleName, int subsample, nint end);

    [LibraryImport(Library, EntryPoint = "vips_webpsave_buffer", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int WebpSaveBuffer(
        VipsImageHandle input, out nint buffer, out nuint length, string qualityName, int quality, string keepName, int keep, nint end);

    [LibraryImport(Library, EntryPoint = "vips_heifsave_buffer", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int HeifSaveBuffer(
        VipsImageHandle input, out nint buffer, out nuint length,
        string qualityName, int quality, string compressionName, int compression, string effortName, int effort,
        string keepName, int keep, nint end);

    [LibraryImport(Library, EntryPoint = "vips_pngsave_buffer", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int PngSaveBuffer(VipsImageHandle input, out nint buffer, out nuint length, string keepName, int keep, nint end);

    /// <summary>A VipsArrayDouble (a ref-counted VipsArea) copied from <paramref name="values"/>; release with vips_area_unref.</summary>
    [LibraryImport(Library, EntryPoint = "vips_array_double_new")]
    public static partial nint ArrayDoubleNew(double* values, int count);

    [LibraryImport(Library, EntryPoint = "vips_area_unref")]
    public static partial void AreaUnref(nint area);
}
