using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using PoseGen.Application.Workouts;
using PoseGen.Core.Poses;
using PoseGen.Web.Controllers;
using PoseGen.Web.Hosting;
using PoseGen.Web.Services;
using PoseGen.Web.Services.Workouts;
using PoseGen.Core.Errors;

namespace PoseGen.Web.Hubs;

/// <summary>
/// Live workouts: the browser runs the pose model and sends keypoints only (never frames); the server folds them
/// through the session's RepCounter and answers with the counts, phase and cues. Bad input is a HubException with a
/// plain message.
/// </summary>
[Authorize]
public sealed class WorkoutHub(LiveWorkoutSessions sessions, HistoryService history,
    PoseGen.Core.Library.PoseLibrary library) : Hub
{
    /// <summary>Starts practising a library pose seen from <paramref name="view"/> (front, three-quarter or side): each
    /// frame is scored against it, and the hold timer runs while the match stays at 80 or more.</summary>
    public Task<LiveWorkoutState> StartPractice(string poseId, string view, string model)
    {
        var pose = library.Find(poseId ?? "") ?? throw new HubException("Choose a pose from the library to practise.");
        if (string.IsNullOrWhiteSpace(view) || PoseGen.Web.Contracts.Recommendations.PoseText.View(
            view) is not { } side)
            throw new HubException("View must be front, three-quarter or side.");
        var keypoints = library.Project(pose, side).ToCoco().Keypoints;
        return StartPracticeOf(new PoseReference(pose.Id, pose.Name,
            PoseGen.Web.Contracts.Recommendations.PoseText.Id(side), keypoints), model);
    }

    /// <summary>
    /// Starts practising the pose of one of the user's saved analyses (its largest person, as the photo shows it).
    /// </summary>
    public async Task<LiveWorkoutState> StartPracticeAnalysis(Guid analysisId, string model)
    {
        var activity = await history.GetAsync(UserId, analysisId, Context.ConnectionAborted);
        if (activity is not { Kind: PoseGen.Core.History.ActivityKind.Analysis })
            throw new HubException("Choose one of your saved analyses to practise.");
        var people = HistoryService.ReadDocument<PoseGen.Web.Contracts.Poses.PoseDetectionResponse>(
            activity)?.ToPoses() ?? [];
        if (CompareService.MainSubject(people) is not { } person)
            throw new HubException("Nobody was found in that photo: pick another analysis.");
        return await StartPracticeOf(new PoseReference($"analysis:{analysisId}", activity.Title, "photo",
            person.Keypoints), model);
    }

    private async Task<LiveWorkoutState> StartPracticeOf(PoseReference reference, string model)
    {
        try
        {
            return (await sessions.StartAsync(UserId, Context.ConnectionId, null, model, reference)).State();
        }
        catch (UserFacingException ex)
        {
            throw new HubException(ex.Message);
        }
    }

    public async Task<LiveWorkoutState> Start(string exercise, string model)
    {
        try
        {
            return (await sessions.StartAsync(UserId, Context.ConnectionId, exercise, model)).State();
        }
        catch (UserFacingException ex)
        {
            throw new HubException(ex.Message);
        }
    }

    /// <summary>Re-attaches a session after a reconnect or reload, on this instance or taken over from another; null
    /// when it has ended (the page starts afresh).</summary>
    public async Task<LiveWorkoutState?> Resume(Guid sessionId)
    {
        var session = await AttachAsync(sessionId);
        if (session is null) return null;
        lock (session.Gate) return session.State();
    }

    public async Task<LiveWorkoutState> Frames(Guid sessionId, LiveFrame[] frames)
    {
        if (frames is null || frames.Length > LiveWorkoutSessions.MaxBatch)
            throw new HubException($"Send between 0 and {LiveWorkoutSessions.MaxBatch} frames per call.");
        foreach (var f in frames)
        {
            if (f is null || f.K is null || f.K.Length != CocoKeypoints.Count * 3 || f.W <= 0 || f.H <= 0
                || !double.IsFinite(f.T)
                || f.K.Any(v => !float.IsFinite(v ?? float.NaN)))
                throw new HubException("Each frame needs t, w, h > 0 and k: 17 x (x, y, score) finite numbers.");
        }
        var session = await AttachAsync(sessionId) ?? throw new HubException(
            "This session has ended; start a new one.");
        try
        {
            return await sessions.AddAsync(session, frames);
        }
        catch (UserFacingException ex)
        {
            throw new HubException(ex.Message);
        }
    }

    /// <summary>
    /// Ends the session and saves it to History; answers the History entry's id (null when nothing was recorded).
    /// </summary>
    public async Task<Guid?> Stop(Guid sessionId)
    {
        var session = await AttachAsync(sessionId);
        if (session is null || await sessions.EndAsync(session) is not { } document) return null;
        var activity = await LiveWorkoutHistory.SaveAsync(history, UserId, document, Context.ConnectionAborted);
        return activity.Id;
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await sessions.DetachAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    private async Task<LiveWorkoutSession?> AttachAsync(Guid sessionId)
    {
        try
        {
            return await sessions.AttachAsync(UserId, sessionId, Context.ConnectionId);
        }
        catch (UserFacingException ex)
        {
            throw new HubException(ex.Message);
        }
    }

    private string UserId => Context.User?.RequiredUserId() ?? throw new HubException("Log in first.");
}
