using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PoseGen.Core.Library;
using PoseGen.Imaging;
using PoseGen.Web.Hosting;
using PoseGen.Core.Errors;
using PoseGen.Web.Contracts.Recommendations;

namespace PoseGen.Web.Controllers.Api;

/// <summary>
/// The pose library: list, one pose as keypoints for a view, and its mannequin / OpenPose renders (SVG, PNG).
/// </summary>
[ApiController]
[Authorize]
[Route("api/v1/poses/library")]
public sealed class PoseLibraryApiController(PoseLibrary library, IImageCodec codec) : ControllerBase
{
    /// <summary>Side of the square canvas every render and keypoint set uses, in pixels.</summary>
    public const int Size = 512;

    [HttpGet]
    [ProducesResponseType<IReadOnlyList<LibraryPoseSummaryDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    public IReadOnlyList<LibraryPoseSummaryDto> List() => library.All.Select(LibraryPoseSummaryDto.From).ToList();

    /// <summary>
    /// <paramref name="format"/>: posegen (COCO-17 keypoints) or openpose (OpenPose BODY_18), in canvas pixels.
    /// </summary>
    [HttpGet("{id}")]
    [ProducesResponseType<LibraryPoseDto>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public IActionResult Get(string id, [FromQuery] string? view = null, [FromQuery] string? format = null)
    {
        var pose = Find(id);
        var v = View(view);
        var body = library.Project(pose, v, width: Size, height: Size);
        var (name, keypoints) = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "posegen" => ("posegen", PoseText.Coco(body.ToCoco())),
            "openpose" => ("openpose", PoseText.OpenPose(body.ToOpenPose())),
            _ => throw new InvalidInputException("format must be posegen or openpose."),
        };
        return Ok(new LibraryPoseDto(LibraryPoseSummaryDto.From(pose), pose.Muscles, pose.Benefits, pose.Cues,
            pose.ProgressesFrom, pose.ProgressesTo, PoseText.Id(v), name, Size, Size, keypoints));
    }

    [HttpGet("{id}/mannequin.svg")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public IActionResult MannequinSvg(string id, [FromQuery] string? view = null) =>
        Svg(library.MannequinSvg(Find(id), View(view), size: Size));

    [HttpGet("{id}/openpose.svg")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public IActionResult OpenPoseSvg(string id, [FromQuery] string? view = null) =>
        Svg(library.OpenPoseSvg(Find(id), View(view), size: Size));

    [HttpGet("{id}/mannequin.png")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public IActionResult MannequinPng(string id, [FromQuery] string? view = null) =>
        Png(library.MannequinSvg(Find(id), View(view), size: Size), new RgbColor(0xf7, 0xf5, 0xf2));

    [HttpGet("{id}/openpose.png")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public IActionResult OpenPosePng(string id, [FromQuery] string? view = null) =>
        Png(library.OpenPoseSvg(Find(id), View(view), size: Size), new RgbColor(0, 0, 0));

    private LibraryPose Find(string id) =>
        library.Find(id) ?? throw new NotFoundException($"There is no pose '{id}' in the library.");

    private static PoseView View(string? view) =>
        PoseText.View(view) ?? throw new InvalidInputException("view must be front, side or three-quarter.");

    // Library renders depend only on the pose data shipped with this build, so clients may cache them for a day.
    private FileContentResult Svg(string svg)
    {
        Response.Headers.CacheControl = "private, max-age=86400";
        return File(System.Text.Encoding.UTF8.GetBytes(svg), "image/svg+xml");
    }

    private FileContentResult Png(string svg, RgbColor background)
    {
        Response.Headers.CacheControl = "private, max-age=86400";
        return File(codec.Encode(codec.RenderSvg(svg, background), EncodeFormat.Png), "image/png");
    }
}
