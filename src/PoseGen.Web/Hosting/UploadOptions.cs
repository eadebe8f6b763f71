namespace PoseGen.Web.Hosting;

/// <summary>Section "Uploads": the largest request body the app accepts (images, and later videos).</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>Largest request body in bytes (default 64 MiB).</summary>
    public long MaxRequestBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Largest image upload in bytes (default 20 MiB).</summary>
    public long MaxImageBytes { get; set; } = 20L * 1024 * 1024;
}
