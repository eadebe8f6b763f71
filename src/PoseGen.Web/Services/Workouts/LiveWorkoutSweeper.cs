using PoseGen.Application.Workouts;

namespace PoseGen.Web.Services.Workouts;

/// <summary>Saves and forgets live sessions whose browser did not come back within the grace period. A session another
/// instance took over is dropped here unsaved: that instance saves it. With several instances it also saves the
/// sessions of an instance that is gone (<see cref="LiveWorkoutSessions.RescueAbandonedAsync"/>).</summary>
public sealed partial class LiveWorkoutSweeper(LiveWorkoutSessions sessions, IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<LiveWorkoutSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var session in sessions.Expired())
            {
                if (await sessions.EndAsync(session) is { } document)
                    await SaveAsync(session.Id, session.UserId, document, stoppingToken);
            }
            foreach (var (id, userId, document) in await sessions.RescueAbandonedAsync())
                await SaveAsync(id, userId, document, stoppingToken);
        }
    }

    private async Task SaveAsync(Guid id, string userId, LiveWorkoutDocument document,
        CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await LiveWorkoutHistory.SaveAsync(scope.ServiceProvider.GetRequiredService<HistoryService>(), userId,
                document, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSaveFailed(id, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving live workout session {Id} failed")]
    private partial void LogSaveFailed(Guid id, Exception exception);
}
