using Microsoft.EntityFrameworkCore;
using PoseGen.Core.History;
using PoseGen.Core.Workouts;
using PoseGen.Data;
using PoseGen.Inference.Video;
using PoseGen.Web.Hosting;

namespace PoseGen.Web.Services.Workouts;

/// <summary>Accepts uploaded clips as queued jobs and reads their state, scoped to the owner.</summary>
public sealed class WorkoutJobService(
    HistoryService history, PoseGenDbContext db, FfmpegFrameSource frames, WorkoutJobQueue queue, IConfiguration configuration)
{
    /// <summary>The exercise value that asks for the exercise to be recognised from the motion (also the default).</summary>
    public const string Auto = "auto";

    private static readonly string[] Extensions = [".mp4", ".webm", ".mov", ".m4v", ".mkv"];

    public static string VideoFolder(IConfiguration configuration) => Path.Combine(AppPaths.DataRoot(configuration), "videos");

    public async Task<Guid> EnqueueAsync(string userId, IFormFile? video, string? exerciseId, CancellationToken ct)
    {
        if (video is null || video.Length == 0)
            throw new UserInputException(StatusCodes.Status400BadRequest, "Send the clip as the multipart form field 'video'.");
        var auto = string.IsNullOrWhiteSpace(exerciseId) || exerciseId.Trim().Equals(Auto, StringComparison.OrdinalIgnoreCase);
        var exercise = auto ? null : ExerciseCatalog.Default.Find(exerciseId!.Trim());
        if (!auto && (exercise is null || exercise.Kind != ExerciseKind.Reps))
            throw new UserInputException(StatusCodes.Status400BadRequest,
                "Field 'exercise' must be 'auto' (recognise it from the video, the default) or one of: "
                + string.Join(", ", ExerciseCatalog.Default.Exercises.Where(e => e.Kind == ExerciseKind.Reps).Select(e => e.Id)) + ".");
        var extension = Path.GetExtension(video.FileName).ToLowerInvariant();
        if (!Extensions.Contains(extension))
            extension = ".bin";

        var id = Guid.NewGuid();
        var folder = VideoFolder(configuration);
        Directory.CreateDirectory(folder);
        var fileName = id.ToString("N") + extension;
        var path = Path.Combine(folder, fileName);
        await using (var output = File.Create(path))
            await video.CopyToAsync(output, ct);
        try
        {
            // Probing now turns a non-video, an over-long clip or an unreadable file into a 415/422 on the upload itself.
            var info = await frames.ProbeAsync(path, ct);
            var document = new WorkoutJobDocument("video", WorkoutJobDocument.Queued, 0, exercise?.Id ?? Auto, fileName, null, null);
            await history.AddAsync(userId, ActivityKind.Workout, exercise is null ? "Workout video" : $"{exercise.Name} video", $"{info.DurationSeconds:F0} s clip, queued",
                document, [], null, ct, id);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        if (!queue.TryEnqueue(id))
            throw new UserInputException(StatusCodes.Status503ServiceUnavailable, "Too many videos are waiting; try again in a few minutes.");
        return id;
    }

    public async Task<WorkoutJobStatus?> GetAsync(string userId, Guid id, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == id && a.UserId == userId && a.Kind == ActivityKind.Workout, ct);
        return activity is not null && WorkoutJobDocument.TryRead(activity.Document) is { } document
            ? WorkoutJobStatus.From(id, document)
            : null;
    }
}
