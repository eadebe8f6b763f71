using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PoseGen.Web.Services;
using PoseGen.Web.Contracts.Dashboard;

namespace PoseGen.Web.Controllers.Api;

/// <summary>The signed-in user's progress figures (the home page's dashboard as JSON).</summary>
[ApiController]
[Authorize]
[Route("api/v1/dashboard")]
public sealed class DashboardApiController(DashboardService dashboard) : ControllerBase
{
    /// <param name="from">First day (UTC, yyyy-MM-dd); default six days before <paramref name="to"/>.</param>
    /// <param name="to">Last day (UTC); default today.</param>
    [HttpGet]
    [ProducesResponseType<DashboardResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    public Task<DashboardResponse> Get([FromQuery] DateOnly? from, [FromQuery] DateOnly? to, CancellationToken ct) =>
        dashboard.GetAsync(User.RequiredUserId(), from, to, ct);
}
