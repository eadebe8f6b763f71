using PoseGen.Core.Abstractions;
using PoseGen.Core.Generation.Schedulers;

namespace PoseGen.Inference.Generation;

internal static class SchedulerFactory
{
    /// <param name="firstStep">The first step the run takes (image-to-image skips the noisiest part of the
    /// schedule).</param>
    public static IDiffusionScheduler Create(DiffusionSchedulerKind kind, int steps, int seed, int firstStep) =>
        kind switch
    {
        DiffusionSchedulerKind.EulerAncestral => new EulerAncestralScheduler(NoiseSchedule.StableDiffusion15, steps,
            seed),
        DiffusionSchedulerKind.DpmPlusPlus2MKarras => new DpmSolverPlusPlus2MKarrasScheduler(
            NoiseSchedule.StableDiffusion15, steps, firstStep),
        DiffusionSchedulerKind.Ddim => new DdimScheduler(NoiseSchedule.StableDiffusion15, steps, seed),
        DiffusionSchedulerKind.Lcm => new LcmScheduler(NoiseSchedule.StableDiffusion15, steps, seed),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown scheduler."),
    };
}
