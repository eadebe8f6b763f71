using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Web.Hosting;
using PoseGen.Web.Services;
using PoseGen.Core.Errors;
using PoseGen.Web.Contracts.Poses;

namespace PoseGen.Web.Controllers.Api;

[ApiController]
[Authorize]
[Route("api/v1/poses")]
public sealed class PosesApiController(
    PoseAnalysisService analysis, CompareService compare, HistoryService history, IOptions<UploadOptions> uploads,
    PoseGen.Core.Recommendations.PoseRecommender recommender, PoseGen.Core.Library.PoseLibrary library) : ControllerBase
{
    /// <summary>
    /// Keypoints of every person in a photo (multipart field <c>image</c>). <paramref name="model"/>: auto (multipose
    /// finds people, thunder refines each), lightning, thunder or multipose. <paramref name="format"/>: posegen, coco
    /// or openpose. No person is a 200 with an empty list. The call is saved to the user's history.
    /// </summary>
    [EnableRateLimiting(RateLimits.Work)]
    [HttpPost("detect")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType(StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> Detect(
        IFormFile? image, [FromQuery] PoseModelKind model = PoseModelKind.Auto,
        [FromQuery] PoseOutputFormat format = PoseOutputFormat.Posegen, [FromQuery] long imageId = 0,
        CancellationToken ct = default)
    {
        var bytes = await UploadReader.ReadImageAsync(image, "image", uploads.Value.MaxImageBytes, ct);
        var response = await analysis.AnalyzeAsync(User.RequiredUserId(), bytes, model, ct);
        return Ok(PoseFormats.Render(response, format, imageId));
    }

    /// <summary>
    /// Compares a candidate photo's pose with a reference photo's (multipart fields <c>reference</c> and
    /// <c>candidate</c>, or in place of <c>reference</c>: <c>referenceAnalysisId</c>, one of the user's saved analyses,
    /// or <c>referencePoseId</c> (+ <c>referenceView</c> front|side|three-quarter), a pose of the library;
    /// query <paramref name="model"/> similarity|affine|perspective, <paramref name="mirror"/> to also try the mirrored
    /// candidate). No person in either photo is a 422. Saved to the user's history.
    /// </summary>
    [EnableRateLimiting(RateLimits.Work)]
    [HttpPost("compare")]
    [Consumes("multipart/form-data")]
    [ProducesResponseType<CompareResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType(StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public async Task<CompareResponse> Compare(
        IFormFile? reference, IFormFile? candidate, [FromForm] Guid? referenceAnalysisId,
        [FromForm] string? referencePoseId, [FromForm] string? referenceView,
        [FromQuery] PoseGen.Core.Poses.Alignment.AlignmentModel model =
            PoseGen.Core.Poses.Alignment.AlignmentModel.Similarity,
        [FromQuery] bool mirror = true, CancellationToken ct = default)
    {
        var max = uploads.Value.MaxImageBytes;
        if (reference is null && !string.IsNullOrWhiteSpace(referencePoseId))
        {
            var view = PoseGen.Web.Contracts.Recommendations.PoseText.View(referenceView ?? "front")
                ?? throw new InvalidInputException("referenceView must be front, side or three-quarter.");
            var candidateOnly = await UploadReader.ReadImageAsync(candidate, "candidate", max, ct);
            return await compare.CompareWithLibraryPoseAsync(User.RequiredUserId(), referencePoseId, view,
                candidateOnly, model, mirror, ct);
        }
        if (reference is null && referenceAnalysisId is Guid saved)
        {
            var candidateOnly = await UploadReader.ReadImageAsync(candidate, "candidate", max, ct);
            return await compare.CompareWithSavedReferenceAsync(User.RequiredUserId(), saved, candidateOnly, model,
                mirror, ct);
        }
        var referenceBytes = await UploadReader.ReadImageAsync(reference, "reference", max, ct);
        var candidateBytes = await UploadReader.ReadImageAsync(candidate, "candidate", max, ct);
        return await compare.ComparePhotosAsync(User.RequiredUserId(), referenceBytes, candidateBytes, model, mirror,
            ct);
    }

    /// <summary>The same comparison from two keypoint lists in PoseGen's format (JSON body).</summary>
    [EnableRateLimiting(RateLimits.Work)]
    [HttpPost("compare")]
    [Consumes("application/json")]
    [ProducesResponseType<CompareResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType(StatusCodes.Status429TooManyRequests)]
    public Task<CompareResponse> CompareKeypoints(CompareKeypointsRequest request, CancellationToken ct) =>
        compare.CompareKeypointsAsync(User.RequiredUserId(), request, ct);

    /// <summary>
    /// The library poses closest to the main person of a saved analysis (the largest person), best first: how alike
    /// they are (0-100, the recommender's agreement of bone directions over the views, mirrored too) and where to
    /// practise each live. The Analyze page names the first ("closest in the library").
    /// </summary>
    [HttpGet("analyses/{id:guid}/nearest")]
    [ProducesResponseType<IReadOnlyList<NearestPoseDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public async Task<ActionResult<IReadOnlyList<NearestPoseDto>>> Nearest(Guid id, [FromQuery] int count = 3,
        CancellationToken ct = default)
    {
        if (count is < 1 or > 10)
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.",
                detail: "count must be between 1 and 10.");
        var activity = await history.GetAsync(User.RequiredUserId(), id, ct);
        if (activity is not { Kind: PoseGen.Core.History.ActivityKind.Analysis })
            return NotFound();
        var response = HistoryService.ReadDocument<PoseDetectionResponse>(activity)
            ?? throw new InvalidOperationException($"Analysis {id} has no result document.");
        if (CompareService.MainSubject(response.ToPoses()) is not { } person)
            return Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Nobody to compare.",
                detail: "No person was found in this photo, so there is no pose to name. Try a photo where your " +
                    "whole body is in view.");
        return library.All
            .Select(p => (Pose: p, Closeness: recommender.Similarity.ToDetected(person, p)))
            .OrderByDescending(x => x.Closeness).ThenBy(x => x.Pose.Id, StringComparer.Ordinal)
            .Take(count)
            .Select(x => new NearestPoseDto(x.Pose.Id, x.Pose.Name, Math.Round(x.Closeness * 100, 0),
                $"/Recommendations/Pose/{Uri.EscapeDataString(x.Pose.Id)}",
                $"/Workout?pose={Uri.EscapeDataString(x.Pose.Id)}"))
            .ToList();
    }

    /// <summary>
    /// The main person of a saved analysis (the largest) read in plain words: key joint angles with where to draw them
    /// and up to three observations (trunk, knees over ankles, hips and shoulders level, arms). The Analyze page shows
    /// it.
    /// </summary>
    [HttpGet("analyses/{id:guid}/reading")]
    [ProducesResponseType<PoseReadingDto>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public async Task<ActionResult<PoseReadingDto>> Reading(Guid id, CancellationToken ct = default)
    {
        var activity = await history.GetAsync(User.RequiredUserId(), id, ct);
        if (activity is not { Kind: PoseGen.Core.History.ActivityKind.Analysis })
            return NotFound();
        var people = (HistoryService.ReadDocument<PoseDetectionResponse>(activity)
            ?? throw new InvalidOperationException($"Analysis {id} has no result document.")).ToPoses();
        if (CompareService.MainSubject(people) is not { } person)
            return Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Nobody to read.",
                detail: "No person was found in this photo. Try a photo where your whole body is in view.");
        var reading = PoseGen.Core.Poses.Reading.PoseReader.Read(person.Keypoints,
            PoseGen.Core.Poses.Alignment.KeypointLayout.Coco17);
        return new PoseReadingDto(people.ToList().IndexOf(person), reading.Angles, reading.Observations);
    }

    /// <summary>A saved analysis of the user's, in any export format (the Analyze page's download links).</summary>
    [HttpGet("analyses/{id:guid}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Analysis(
        Guid id, [FromQuery] PoseOutputFormat format = PoseOutputFormat.Posegen, [FromQuery] long imageId = 0,
        CancellationToken ct = default)
    {
        var activity = await history.GetAsync(User.RequiredUserId(), id, ct);
        if (activity is not { Kind: PoseGen.Core.History.ActivityKind.Analysis })
            return NotFound();
        var response = HistoryService.ReadDocument<PoseDetectionResponse>(activity)
            ?? throw new InvalidOperationException($"Analysis {id} has no result document.");
        return Ok(PoseFormats.Render(response, format, imageId));
    }
}
