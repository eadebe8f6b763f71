using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Core.Abstractions;
using PoseGen.Web.Tests.Faults;
using PoseGen.Web.Tests.Generation;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Hosting;

/// <summary>
/// Someone watches a render's page while a clip's result is read later, so a waiting render goes first.
/// </summary>
public sealed class JobPriorityTests : IDisposable
{
    private readonly List<PoseGenWebFactory> _instances = [];

    public void Dispose()
    {
        foreach (var instance in Enumerable.Reverse(_instances))
            instance.Dispose();
    }

    [Fact]
    public async Task ARenderWaitingBehindAClipIsRunFirst()
    {
        // An instance that only accepts jobs: the clip, then the render, wait in the job store.
        var accepting = new PoseGenWebFactory { TestServices = s =>
            s.AddSingleton<IPoseImageGenerator>(new ControlMapGenerator()) };
        _instances.Add(accepting);
        accepting.Settings["Jobs:RunServer"] = "false";
        using var client = await ApiClient.CreateSignedInAsync(accepting);
        var clip = await WorkoutFaults.UploadShortClipAsync(client);
        var render = await GenerationClient.PostAsync(client, GenerationClient.Request());

        // One instance with one worker starts on the same data folder and takes them one at a time.
        var running = accepting.AnotherInstance();
        _instances.Add(running);
        running.Settings["Jobs:RunServer"] = "true";
        _ = running.Server;
        await WorkoutFaults.PollUntilFinishedAsync(client, clip);

        var monitoring = running.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        // A job's row says done just before its server records it as succeeded.
        for (var i = 0; i < 100 && monitoring.SucceededListCount() < 2; i++)
            await Task.Delay(100);
        var started = monitoring.SucceededJobs(0, 10).ToDictionary(
            j => ((Guid)j.Value.Job.Args[0]).ToString(),
            j => monitoring.JobDetails(j.Key).History.Single(h => h.StateName == ProcessingState.StateName).CreatedAt);
        Assert.True(started[render] < started[clip], $"render started {started[render]:O}, clip {started[clip]:O}");
    }
}
