using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PoseGen.Core.History;
using PoseGen.Web.Services;
using PoseGen.Web.Contracts.History;

namespace PoseGen.Web.Controllers.Api;

[ApiController]
[Authorize]
[Route("api/v1/history")]
public sealed class HistoryApiController(HistoryService history, HistoryDeletionService deletion,
    DataExportService export) : ControllerBase
{
    /// <summary>Everything of the user's as one zip: profile, every entry with its document, every picture.</summary>
    [HttpGet("export.zip")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    public async Task Export(CancellationToken ct)
    {
        Response.ContentType = "application/zip";
        Response.Headers.ContentDisposition = $"attachment; filename=\"posegen-data-{DateTime.UtcNow:yyyy-MM-dd}.zip\"";
        // Built in a temporary file (ZipArchive still writes parts synchronously, which the response body refuses, and
        // a user's pictures need not sit in memory), then sent; the file goes away when it is closed.
        await using var zip = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite,
            FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await export.WriteZipAsync(User.RequiredUserId(), zip, ct);
        zip.Position = 0;
        Response.ContentLength = zip.Length;
        await zip.CopyToAsync(Response.Body, ct);
    }

    /// <param name="q">Words in the title or summary, any case.</param>
    /// <param name="from">First UTC day (yyyy-MM-dd), included.</param>
    /// <param name="to">Last UTC day, included.</param>
    /// <param name="exercise">An exercise id (squat) or a practised library pose id (warrior-2).</param>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<ActivitySummary>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    public async Task<IReadOnlyList<ActivitySummary>> List(
        ActivityKind? kind, [FromQuery] string? q = null, [FromQuery] DateOnly? from = null,
        [FromQuery] DateOnly? to = null,
        [FromQuery] string? exercise = null, int skip = 0, int take = 50, CancellationToken ct = default) =>
        await history.ListAsync(User.RequiredUserId(), HistoryFilter.Parse(kind, q, from, to, exercise), skip, take,
            ct);

    /// <summary>One entry with its full result document.</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(Guid id, CancellationToken ct)
    {
        var activity = await history.GetAsync(User.RequiredUserId(), id, ct);
        if (activity is null)
            return NotFound();
        using var document = JsonDocument.Parse(activity.Document);
        return Ok(new
        {
            activity.Id, activity.Kind, activity.CreatedAtUtc, activity.Title, activity.Summary,
            Media = activity.Media.Select(m => new { m.Id, m.ContentType, Url = $"/media/{m.Id}" }),
            Document = document.RootElement.Clone(),
        });
    }

    /// <summary>
    /// Deletes an entry; its <c>undoToken</c> (or POST {id}/restore) brings it back within a few seconds.
    /// </summary>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType<DeletedEntries>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct) =>
        await deletion.DeleteAsync(User.RequiredUserId(), id, ct) is { } deleted ? Ok(deleted) : NotFound();

    /// <summary>Deletes every entry the filter matches (the list's parameters); with <paramref name="expected"/>, the
    /// count the user confirmed, a list that has changed since is a 409 and nothing is deleted.</summary>
    [HttpDelete]
    [ProducesResponseType<DeletedEntries>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public Task<DeletedEntries> DeleteMatching(
        ActivityKind? kind, [FromQuery] string? q = null, [FromQuery] DateOnly? from = null,
        [FromQuery] DateOnly? to = null,
        [FromQuery] string? exercise = null, [FromQuery] int? expected = null, CancellationToken ct = default) =>
        deletion.DeleteMatchingAsync(User.RequiredUserId(), HistoryFilter.Parse(kind, q, from, to, exercise), expected,
            ct);

    /// <summary>Undoes a delete by its token while its window is open; 404 when there is nothing to restore.</summary>
    [HttpPost("restore")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Restore([FromQuery] string? token, CancellationToken ct) =>
        await deletion.RestoreAsync(User.RequiredUserId(), token ?? "", ct) is > 0 and var restored
            ? Ok(new { restored })
            : Problem(statusCode: StatusCodes.Status404NotFound,
                detail: "Nothing to restore: the undo time is over or the token is not yours.");

    [HttpPost("{id:guid}/restore")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> RestoreEntry(Guid id, CancellationToken ct) =>
        await deletion.RestoreEntryAsync(User.RequiredUserId(), id, ct) ? NoContent() : NotFound();
}
