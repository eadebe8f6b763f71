using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PoseGen.Core.History;
using PoseGen.Data;
using PoseGen.Data.Storage;

namespace PoseGen.Web.Services;

/// <summary>
/// "Download all my data": one zip with <c>profile.json</c>, <c>history.json</c> (every entry with its full result
/// document and figures) and <c>media/</c> (every stored picture, named by id, as the entries reference them).
/// </summary>
public sealed class DataExportService(PoseGenDbContext db, MediaStore media, ProfileService profiles)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task WriteZipAsync(string userId, Stream output, CancellationToken ct)
    {
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true,
            entryNameEncoding: null, ct);
        await WriteJsonAsync(zip, "profile.json", await profiles.GetAsync(userId, ct), ct);

        var entries = await db.Activities.AsNoTracking().Include(a => a.Media).Where(a => a.UserId == userId)
            .OrderBy(a => a.CreatedAtUtc).ToListAsync(ct);
        await WriteJsonAsync(zip, "history.json", entries.Select(a => new
        {
            a.Id, Kind = a.Kind.ToString().ToLowerInvariant(), KindName = HistoryText.KindName(a.Kind),
            CreatedAtUtc = DateTime.SpecifyKind(a.CreatedAtUtc, DateTimeKind.Utc),
            a.Title, a.Summary, a.Exercise, a.GoodReps, a.ImproperReps, a.Score, a.Seconds,
            Document = JsonDocument.Parse(a.Document).RootElement,
            Media = a.Media.Select(m => $"media/{m.Id:N}{Path.GetExtension(m.RelativePath)}"),
        }), ct);

        // Pictures of entries deleted a moment ago (waiting for undo or the purge) stay out, like the entries.
        var files = await db.MediaFiles.AsNoTracking()
            .Where(m => m.UserId == userId && (m.ActivityId == null || db.Activities.Any(a => a.Id == m.ActivityId)))
            .ToListAsync(ct);
        foreach (var file in files)
        {
            if (!File.Exists(media.FullPath(file)))
                continue;
            var entry = zip.CreateEntry($"media/{file.Id:N}{Path.GetExtension(file.RelativePath)}",
                CompressionLevel.NoCompression);
            await using var target = await entry.OpenAsync(ct);
            await using var source = media.OpenRead(file);
            await source.CopyToAsync(target, ct);
        }
    }

    private static async Task WriteJsonAsync<T>(ZipArchive zip, string name, T value, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(ct);
        await JsonSerializer.SerializeAsync(stream, value, Json, ct);
    }
}
