using System.Text.RegularExpressions;
using PoseGen.Data.Entities;

namespace PoseGen.Data.Storage;

/// <summary>
/// Users' media on disk: data/media/{userId}/{yyyy-MM}/{id}{ext}. Paths are built here from ids only, so nothing a user
/// sends (file names included) can steer where a file is written or read.
/// </summary>
public sealed partial class MediaStore(DataRoot root, TimeProvider time)
{
    private static readonly Dictionary<string, string> ExtensionByContentType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = ".jpg", ["image/png"] = ".png", ["image/webp"] = ".webp", ["image/gif"] = ".gif",
        ["image/avif"] = ".avif", ["video/mp4"] = ".mp4", ["video/webm"] = ".webm", ["video/quicktime"] = ".mov",
        ["application/json"] = ".json",
    };

    private string MediaRoot => root.Media;

    /// <summary>
    /// Writes the bytes to a temporary file first, then renames it, so a crash never leaves half a file under the final
    /// name; a write that fails (a full disk, a cancelled request) deletes the temporary file before the error goes on.
    /// </summary>
    public async Task<MediaFile> SaveAsync(string userId, ReadOnlyMemory<byte> bytes, string contentType,
        CancellationToken ct)
    {
        var userFolder = UserFolder(userId);
        var now = time.GetUtcNow().UtcDateTime;
        var id = Guid.NewGuid();
        var extension = ExtensionByContentType.GetValueOrDefault(contentType, ".bin");
        var relative = Path.Combine("media", Path.GetFileName(userFolder),
            now.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), id.ToString("N") + extension);
        var full = Path.Combine(root.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temp, bytes, ct);
            File.Move(temp, full, overwrite: false);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        return new MediaFile
        {
            Id = id, UserId = userId, RelativePath = relative.Replace('\\', '/'), ContentType = contentType,
            Length = bytes.Length, CreatedAtUtc = now,
        };
    }

    public string FullPath(MediaFile file)
    {
        var full = Path.GetFullPath(Path.Combine(root.Path, file.RelativePath));
        if (!full.StartsWith(Path.GetFullPath(MediaRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"Media path {file.RelativePath} escapes the media folder.");
        return full;
    }

    public Stream OpenRead(MediaFile file) => File.OpenRead(FullPath(file));

    public void Delete(MediaFile file)
    {
        var full = FullPath(file);
        if (File.Exists(full))
            File.Delete(full);
    }

    /// <summary>Removes every file of the user (account deletion).</summary>
    public void DeleteAll(string userId)
    {
        var folder = UserFolder(userId);
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    private string UserFolder(string userId)
    {
        // Identity ids are GUID strings; anything else is a bug upstream, not a path to honour.
        if (!SafeId().IsMatch(userId))
            throw new ArgumentException("User id is not a safe folder name.", nameof(userId));
        return Path.Combine(MediaRoot, userId);
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex SafeId();
}
