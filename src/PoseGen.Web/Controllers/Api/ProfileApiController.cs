using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PoseGen.Web.Services;
using PoseGen.Web.Contracts.Profile;

namespace PoseGen.Web.Controllers.Api;

[ApiController]
[Authorize]
[Route("api/v1/profile")]
public sealed class ProfileApiController(ProfileService profiles) : ControllerBase
{
    [HttpGet]
    [ProducesResponseType<ProfileDto>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    public async Task<ProfileDto> Get(CancellationToken ct) =>
    ProfileDto.From(await profiles.GetAsync(User.RequiredUserId(), ct));

    [HttpPut]
    [ProducesResponseType<ProfileDto>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<ProfileDto> Put(ProfileDto profile, CancellationToken ct) =>
        ProfileDto.From(await profiles.SaveAsync(User.RequiredUserId(), profile.ToDomain(), ct));
}
