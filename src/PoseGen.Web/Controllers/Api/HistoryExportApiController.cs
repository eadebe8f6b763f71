using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PoseGen.Core.History;
using PoseGen.Web.Services;
using PoseGen.Web.Contracts.History;
using PoseGen.Web.Contracts.Poses;

namespace PoseGen.Web.Controllers.Api;

/// <summary>
/// Downloads of History entries: one as JSON, the list as CSV, keypoints as COCO or OpenPose JSON, reps as CSV.
/// </summary>
[ApiController]
[Authorize]
[Route("api/v1/history")]
public sealed class HistoryExportApiController(HistoryExportService export) : ControllerBase
{
    [HttpGet("{id:guid}/export.json")]
    [ProducesResponseType<HistoryEntryExport>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Entry(Guid id, CancellationToken ct)
    {
        if (await export.EntryAsync(User.RequiredUserId(), id, ct) is not { } entry)
            return NotFound();
        Attachment($"posegen-{id}.json");
        return Ok(entry);
    }

    /// <summary>Every entry the filter matches (the list's parameters), oldest first.</summary>
    [HttpGet("export.csv")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    public async Task Csv(
        ActivityKind? kind, [FromQuery] string? q = null, [FromQuery] DateOnly? from = null,
        [FromQuery] DateOnly? to = null,
        [FromQuery] string? exercise = null, CancellationToken ct = default)
    {
        // Parsed before anything is written, so a bad filter is still a problem answer.
        var filter = HistoryFilter.Parse(kind, q, from, to, exercise);
        Response.ContentType = "text/csv; charset=utf-8";
        Attachment($"posegen-history-{DateTime.UtcNow:yyyy-MM-dd}.csv");
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(false)) { NewLine = "\r\n" };
        await export.WriteCsvAsync(User.RequiredUserId(), filter, writer, ct);
    }

    /// <param name="format">coco (keypoint results, 17 joints), openpose (18-joint COCO-18 layout) or posegen (as
    /// saved).</param>
    [HttpGet("{id:guid}/keypoints")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Keypoints(Guid id, [FromQuery] PoseOutputFormat format = PoseOutputFormat.Coco,
        CancellationToken ct = default)
    {
        if (await export.KeypointsAsync(User.RequiredUserId(), id, format, ct) is not { } keypoints)
            return NotFound();
        Attachment($"posegen-{id}-{format.ToString().ToLowerInvariant()}.json");
        return Ok(keypoints);
    }

    [HttpGet("{id:guid}/reps.csv")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Reps(Guid id, CancellationToken ct) =>
        await export.RepsCsvAsync(User.RequiredUserId(), id, ct) is { } csv
            ? File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"posegen-{id}-reps.csv")
            : NotFound();

    private void Attachment(string name) => Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
}
