using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Core.Abstractions;
using PoseGen.Web.Services.Jobs;
using PoseGen.Web.Tests.Infrastructure;
using static PoseGen.Web.Tests.Generation.GenerationClient;

namespace PoseGen.Web.Tests.Generation;

/// <summary>A job that keeps throwing is retried a few times, then failed for good: never retried for ever.</summary>
public sealed class GenerationRetryTests : IDisposable
{
    private readonly ThrowingGenerator _generator = new();
    private readonly PoseGenWebFactory _factory;

    public GenerationRetryTests() => _factory = new() { TestServices = s =>
        s.AddSingleton<IPoseImageGenerator>(_generator) };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ARenderThatKeepsFailingIsTriedOnceAndRetriedTwiceThenFailedAndLeftFailed()
    {
        using var client = await ApiClient.CreateSignedInAsync(_factory);
        var monitoring = _factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var jobs = _factory.Services.GetRequiredService<IBackgroundJobClient>();

        var id = await PostAsync(client, Request());

        // Retries wait 5 s, then a minute: the test moves each waiting retry to the queue at once.
        for (var i = 0; i < 600 && monitoring.FailedCount() == 0; i++)
        {
            foreach (var retry in monitoring.ScheduledJobs(0, 10))
                jobs.Requeue(retry.Key);
            await Task.Delay(100);
        }
        var status = await PollUntilAsync(client, id, "failed");
        Assert.Equal("The generation failed.", status.GetProperty("error").GetString());
        Assert.Equal(1 + JobQueues.Retries, _generator.Calls);
        Assert.Equal(1, monitoring.FailedCount());
        Assert.Equal(0, monitoring.ScheduledCount());
        Assert.Equal(0, monitoring.EnqueuedCount(JobQueues.Generation));
    }

    private sealed class ThrowingGenerator : IPoseImageGenerator
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public GeneratorStatus Status { get; } = new(true, null, "Cpu");

        public Task<GenerationResult> GenerateAsync(GenerationRequest request, IProgress<GenerationProgress>? progress,
            CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("The pipeline broke.");
        }
    }
}
