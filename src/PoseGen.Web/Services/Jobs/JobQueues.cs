namespace PoseGen.Web.Services.Jobs;

/// <summary>
/// Hangfire queue names. A server takes work from its queues in the listed order, so a waiting render always goes
/// before a waiting clip: someone is watching a render's page, while a clip's result is read later from History.
/// </summary>
public static class JobQueues
{
    public const string Generation = "generation";
    public const string Video = "video";

    public static readonly string[] ByPriority = [Generation, Video];

    /// <summary>
    /// Retries after a job threw (the database down while it saved, say), before it is failed for good.
    /// </summary>
    public const int Retries = 2;

    /// <summary>
    /// Waits before those retries: a database restart is over in seconds, a longer outage gets a second chance.
    /// </summary>
    public const int FirstRetryDelaySeconds = 5;

    public const int SecondRetryDelaySeconds = 60;
}
