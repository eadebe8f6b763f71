using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PoseGen.Web.Hosting;
using PoseGen.Web.Services;
using PoseGen.Web.Contracts.Context;

namespace PoseGen.Web.Controllers.Api;

[ApiController]
[Authorize]
[Route("api/v1/context")]
public sealed class ContextApiController(ContextClassificationService context,
    IOptions<UploadOptions> uploads) : ControllerBase
{
    /// <summary>
    /// Environment and outfit from a photo (field <c>image</c>) and/or a prompt, with the evidence behind each label.
    /// </summary>
    [EnableRateLimiting(RateLimits.Work)]
    [HttpPost("classify")]
    [Consumes("multipart/form-data")]
    [ProducesResponseType<ContextClassificationResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType(StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public async Task<ContextClassificationResponse> Classify([FromForm] ContextForm form, CancellationToken ct)
    {
        var photo = form.Image is null ? null : await UploadReader.ReadImageAsync(form.Image, "image",
            uploads.Value.MaxImageBytes, ct);
        return await context.ClassifyAsync(photo, form.Prompt, ct);
    }
}
