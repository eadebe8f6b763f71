using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PoseGen.Core.History;
using PoseGen.Web.Services;
using PoseGen.Web.ViewModels.History;
using PoseGen.Web.Contracts.History;

namespace PoseGen.Web.Controllers;

/// <summary>The history dashboard: everything the user did, newest first, with details and delete.</summary>
[Authorize]
public sealed class HistoryController(HistoryService history, HistoryDeletionService deletion) : Controller
{
    private const int PageSize = 24;

    [HttpGet]
    public async Task<IActionResult> Index(
        ActivityKind? kind, string? q, DateOnly? from, DateOnly? to, string? exercise, int page = 1,
        string? undo = null, int deleted = 0, int? restored = null, CancellationToken ct = default)
    {
        var userId = User.RequiredUserId();
        page = Math.Max(1, page);
        var filter = HistoryFilter.Parse(kind, q, from, to, exercise);
        var total = await history.CountAsync(userId, filter, ct);
        var items = await history.ListAsync(userId, filter, (page - 1) * PageSize, PageSize, ct);
        return View(new HistoryIndexViewModel(items, kind, page, Math.Max(1, (total + PageSize - 1) / PageSize), filter,
            total,
            await history.ExercisesAsync(userId, ct), new HistoryNotice(undo, deleted, restored)));
    }

    [HttpGet]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var activity = await history.GetAsync(User.RequiredUserId(), id, ct);
        if (activity is null)
            return NotFound();
        var summary = new ActivitySummary(activity.Id, activity.Kind, activity.CreatedAtUtc, activity.Title,
            activity.Summary, activity.ThumbnailId);
        return View(new HistoryDetailsViewModel(summary, activity.Document, [.. activity.Media.Select(m => m.Id)]));
    }

    [HttpPost]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct) =>
        await deletion.DeleteAsync(User.RequiredUserId(), id, ct) is { } done
            ? RedirectToAction(nameof(Index), new { undo = done.UndoToken, deleted = done.Count })
            : NotFound();

    /// <summary>
    /// Deletes what the list's filter matches, if it still matches the <paramref name="expected"/> count the user
    /// confirmed.
    /// </summary>
    [HttpPost]
    public async Task<IActionResult> DeleteMatching(
        ActivityKind? kind, string? q, DateOnly? from, DateOnly? to, string? exercise, int expected,
        CancellationToken ct)
    {
        var done = await deletion.DeleteMatchingAsync(User.RequiredUserId(),
            HistoryFilter.Parse(kind, q, from, to, exercise), expected, ct);
        return RedirectToAction(nameof(Index), new { undo = done.UndoToken, deleted = done.Count });
    }

    [HttpPost]
    public async Task<IActionResult> Restore(string? token, CancellationToken ct) =>
        RedirectToAction(nameof(Index), new { restored = await deletion.RestoreAsync(User.RequiredUserId(), token ?? "",
            ct) });
}
