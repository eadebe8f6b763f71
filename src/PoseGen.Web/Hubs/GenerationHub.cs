using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using PoseGen.Web.Contracts.Generation;

namespace PoseGen.Web.Hubs;

/// <summary>
/// Pushes "generation" messages (a GenerationJobStatus) to the job's owner only: SignalR's user id is the
/// NameIdentifier claim, the same id the jobs are stored under.
/// </summary>
[Authorize]
public sealed class GenerationHub : Hub;
