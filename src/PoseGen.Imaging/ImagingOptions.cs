using System.ComponentModel.DataAnnotations;

namespace PoseGen.Imaging;

/// <summary>Configuration section "Imaging".</summary>
public sealed class ImagingOptions
{
    public const string SectionName = "Imaging";

    /// <summary>
    /// Largest accepted image, in pixels (width x height of the first frame), checked from the file header before any
    /// pixel is decoded. 40 MP covers current phone cameras (48 MP sensors save 12 MP by default) with room to spare;
    /// an RGB decode of 40 MP needs 120 MB.
    /// </summary>
    [Range(1, 1_000_000_000)]
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>
    /// Worker threads libvips may use inside one operation; 0 keeps libvips' default (VIPS_CONCURRENCY or the core
    /// count). Requests already run in parallel, so a small number keeps one large upload from taking every core.
    /// Process-wide: the first codec created applies it.
    /// </summary>
    [Range(0, 256)]
    public int Concurrency { get; set; }
}
