using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PoseGen.Data.Storage;
using PoseGen.Web.Services;

namespace PoseGen.Web.Controllers;

/// <summary>Serves a user's own media files; another user's id is a 404, like an id that does not exist.</summary>
[Authorize]
[Route("media")]
public sealed class MediaController(HistoryService history, MediaStore store) : Controller
{
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Get(Guid id, CancellationToken ct)
    {
        var file = await history.GetMediaAsync(User.RequiredUserId(), id, ct);
        if (file is null || !System.IO.File.Exists(store.FullPath(file)))
            return NotFound();
        Response.Headers.CacheControl = "private, max-age=86400";
        return PhysicalFile(store.FullPath(file), file.ContentType);
    }
}
