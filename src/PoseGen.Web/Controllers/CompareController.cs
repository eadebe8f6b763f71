using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Web.Hosting;

namespace PoseGen.Web.Controllers;

/// <summary>The Compare page; the work happens in the browser's call to POST /api/v1/poses/compare.</summary>
[Authorize]
public sealed class CompareController(IPoseDetector detector, IOptions<UploadOptions> uploads) : Controller
{
    [HttpGet]
    public IActionResult Index() =>
        View(new AnalyzePageViewModel(detector.IsAvailable(PoseModelKind.Auto), uploads.Value.MaxImageBytes));
}
