using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PoseGen.Application.Workouts;
using PoseGen.Core.Abstractions;
using PoseGen.Web.Hosting;
using PoseGen.Web.Services;
using PoseGen.Web.Services.Workouts;
using PoseGen.Web.Contracts.Recommendations;

namespace PoseGen.Web.Controllers;

/// <summary>
/// The live workout page (pose model in the browser, counting on the server over SignalR) and the models it downloads.
/// The page is cross-origin isolated (COOP + COEP), which onnxruntime-web needs for WASM threads; every resource it
/// loads is same-origin, so require-corp blocks nothing.
/// </summary>
[Authorize]
public sealed class WorkoutController(
    IPoseModelFiles models, IVideoFrameSource video, PoseGen.Core.Library.PoseLibrary library, HistoryService history)
    : Controller
{
    /// <summary>How many of the user's latest analyses the practice list offers next to the library poses.</summary>
    private const int PractisableAnalyses = 20;

    [HttpGet]
    /// <param name="exercise">The exercise to select; with <paramref name="pose"/> the page opens on practising that
    /// library pose, seen from <paramref name="view"/> (every "try it" link lands here); with
    /// <paramref name="analysis"/>, on practising the pose of that saved analysis.</param>
    public async Task<IActionResult> Index(string? exercise, string? pose, string? view, Guid? analysis,
        CancellationToken ct)
    {
        CrossOriginIsolation.Apply(Response.Headers);
        var exercises = LiveWorkoutSessions.LiveExercises.Select(e =>
            new WorkoutExerciseOption(e.Id, e.Name, e.Kind.ToString())).ToList();
        var analyses = (await history.ListAsync(User.RequiredUserId(),
            new HistoryFilter(PoseGen.Core.History.ActivityKind.Analysis), 0, PractisableAnalyses, ct))
            .Select(a => new WorkoutAnalysisOption($"analysis:{a.Id}", a.Title,
                a.ThumbnailId is Guid t ? $"/media/{t}" : null)).ToList();
        if (analysis is Guid chosen && analyses.All(a => a.Id != $"analysis:{chosen}")
            && await history.GetAsync(User.RequiredUserId(), chosen,
                ct) is { Kind: PoseGen.Core.History.ActivityKind.Analysis } older)
            analyses.Insert(0, new WorkoutAnalysisOption($"analysis:{chosen}", older.Title, null));
        var practisedAnalysis = analyses.FirstOrDefault(a => analysis is Guid g && a.Id == $"analysis:{g}")?.Id;
        var practised = pose is null ? null : library.Find(pose);
        var selected = practised is not null || practisedAnalysis is not null ? "practice"
            : exercises.Any(e => string.Equals(e.Id, exercise, StringComparison.OrdinalIgnoreCase))
            ? exercise!.ToLowerInvariant() : "squat";
        var poses = library.All.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => new WorkoutPoseOption(p.Id, p.Name)).ToList();
        var side = PoseText.View(view) is { } v ? PoseText.Id(v) : "front";
        var limits = video.Limits;
        return View(new WorkoutPageViewModel(exercises, selected, models.PathOf(PoseModelKind.Lightning) is not null,
            models.PathOf(PoseModelKind.Thunder) is not null, limits.MaxBytes, limits.MaxDurationSeconds,
            poses, practisedAnalysis ?? practised?.Id, side, analyses));
    }

    /// <summary>The converted MoveNet model (<c>lightning</c> or <c>thunder</c>) for onnxruntime-web.</summary>
    [HttpGet("/Workout/Model/{name}")]
    [ResponseCache(Duration = 86400, Location = ResponseCacheLocation.Client)]
    public IActionResult Model(string name)
    {
        var path = name switch
        {
            "lightning" => models.PathOf(PoseModelKind.Lightning),
            "thunder" => models.PathOf(PoseModelKind.Thunder),
            _ => null,
        };
        if (path is null)
            return NotFound();
        return PhysicalFile(path, "application/octet-stream", enableRangeProcessing: true);
    }
}

public sealed record WorkoutExerciseOption(string Id, string Name, string Kind);

public sealed record WorkoutPoseOption(string Id, string Name);

/// <summary>
/// A saved analysis to practise: Id is "analysis:" + its history id; PictureUrl its thumbnail when it has one.
/// </summary>
public sealed record WorkoutAnalysisOption(string Id, string Title, string? PictureUrl);

public sealed record WorkoutPageViewModel(
    IReadOnlyList<WorkoutExerciseOption> Exercises, string Selected, bool LightningInstalled, bool ThunderInstalled,
    long MaxVideoBytes,
    double MaxVideoSeconds, IReadOnlyList<WorkoutPoseOption> Poses, string? PracticePose, string PracticeView,
    IReadOnlyList<WorkoutAnalysisOption> Analyses);
