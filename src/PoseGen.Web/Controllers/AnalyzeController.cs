using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Web.Hosting;

namespace PoseGen.Web.Controllers;

/// <summary>The photo-analysis page; the work happens in the browser's call to POST /api/v1/poses/detect.</summary>
[Authorize]
public sealed class AnalyzeController(IPoseDetector detector, IOptions<UploadOptions> uploads) : Controller
{
    [HttpGet]
    public IActionResult Index() =>
        View(new AnalyzePageViewModel(detector.IsAvailable(PoseModelKind.Auto), uploads.Value.MaxImageBytes));
}

public sealed record AnalyzePageViewModel(bool ModelsInstalled, long MaxImageBytes);
