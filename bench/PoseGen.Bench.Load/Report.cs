using System.Globalization;

namespace PoseGen.Bench.Load;

/// <summary>Figures of a run and their Markdown: throughput, latency percentiles, status counts, /health.</summary>
public static class Report
{
    public const string Header =
        "| photo | clients | answers | answers/s | 200/s | 200/s before the first 429 | 200 latency p50 / p95 / p99 " +
        "ms | statuses | % 503 / % 429 | busy with Retry-After | other | /health p99 / max ms (n) | app CPU ms per " +
        "200 | load average before -> after |";

    public const string Rule = "|---|---:|---:|---:|---:|---:|---|---|---|---|---|---|---:|---|";

    /// <summary>Longest /health answer the acceptance allows, in ms.</summary>
    public const double HealthBudgetMs = 200;

    public static double Ok(RunResult run) => run.Samples.Count(s => s.Status == 200);

    /// <summary>200 answers per second over the whole run.</summary>
    public static double OkPerSecond(RunResult run) => Ok(run) / run.DurationS;

    /// <summary>
    /// 200 answers per second until the first 429: what the server delivers before any user's own limit holds it back.
    /// For one client this is the sequential rate of the server (a single account's burst of the per-user limit runs
    /// out within seconds when nothing else waits), the reference the many-users runs are held to.
    /// </summary>
    public static double OkPerSecondBeforeLimit(RunResult run)
    {
        var firstLimited = run.Samples.Where(s => s.Status == 429).Select(s => s.EndedAtS).DefaultIfEmpty(double.NaN)
            .Min();
        if (double.IsNaN(firstLimited))
            return OkPerSecond(run);
        return run.Samples.Count(s => s.Status == 200 && s.EndedAtS < firstLimited) / firstLimited;
    }

    /// <summary>Busy answers (503, 429), and how many of them carried Retry-After.</summary>
    public static (int Busy, int WithRetryAfter) Busy(RunResult run)
    {
        var busy = run.Samples.Where(s => s.Status is 429 or 503).ToList();
        return (busy.Count, busy.Count(s => s.RetryAfter is not null));
    }

    /// <summary>
    /// Anything but 200 and busy answers (other statuses, timeouts, connection failures): must be none.
    /// </summary>
    public static IReadOnlyList<string> Other(RunResult run) =>
        [.. run.Samples.Where(s => s.Status is not (200 or 429 or 503))
            .GroupBy(s => s.Failure ?? s.Status.ToString(CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Count()}")];

    public static double HealthMaxMs(RunResult run) => run.Health.Select(s => s.LatencyMs).DefaultIfEmpty(0).Max();

    /// <summary>/health answers that were not 200 (failures included).</summary>
    public static int HealthFailures(RunResult run) => run.Health.Count(s => s.Status != 200);

    public static string Row(RunResult run)
    {
        var ok = run.Samples.Where(s => s.Status == 200).Select(s => s.LatencyMs).Order().ToArray();
        var statuses = string.Join(", ", run.Samples.Where(s => s.Status != 0).GroupBy(s => s.Status)
            .OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}: {g.Count()}")));
        var (busy, withRetryAfter) = Busy(run);
        var other = Other(run);
        var health = run.Health.Select(s => s.LatencyMs).Order().ToArray();
        var healthNote = (health.Count(ms => ms > HealthBudgetMs) is > 0 and var slow
            ? $", {slow} over {HealthBudgetMs:F0} ms" : "") +
            (HealthFailures(run) is > 0 and var failed ? $", {failed} not 200" : "");
        return string.Create(CultureInfo.InvariantCulture,
            $"| {run.Label} | {run.Clients} | {run.Samples.Count} | {F(run.Samples.Count / run.DurationS)} | " +
            $"{F(OkPerSecond(run))} | " +
            $"{F(OkPerSecondBeforeLimit(run))} | {F(Percentile(ok, 0.50))} / {F(Percentile(ok, 0.95))} / " +
            $"{F(Percentile(ok, 0.99))} | " +
            $"{statuses} | {Share(run, 503)} / {Share(run, 429)} | {(busy == 0 ? "-" : $"{withRetryAfter}/{busy}")} " +
            $"| {(other.Count == 0 ? "none" : string.Join(", ", other))} | " +
            $"{F(Percentile(health, 0.99))} / {F(HealthMaxMs(run))} ({health.Length}{healthNote}) | " +
            $"{(run.AppCpuS is { } cpu && Ok(run) > 0 ? F(cpu * 1000 / Ok(run)) : "-")} | {run.LoadBefore} -> " +
            $"{run.LoadAfter} |");
    }

    /// <summary>
    /// The acceptance read off the runs: busy answers, the 32-users throughput against one client, /health.
    /// </summary>
    public static IEnumerable<string> Acceptance(IReadOnlyList<RunResult> runs, int manyClients)
    {
        var other = runs.SelectMany(r => Other(r).Select(o => $"{r.Label} x{r.Clients}: {o}")).ToList();
        var busy = runs.Select(Busy).ToList();
        var missing = busy.Sum(b => b.Busy - b.WithRetryAfter);
        yield return other.Count == 0 && missing == 0
            ? $"- Only 200 and busy answers, every busy answer with Retry-After ({busy.Sum(b => b.Busy)} busy " +
              "answers in all): met."
            : $"- Only 200 and busy answers with Retry-After: MISSED " +
              $"({(other.Count == 0 ? "none other" : string.Join("; ", other))}; " +
              $"{missing} busy answers without Retry-After).";
        foreach (var photo in runs.GroupBy(r => r.Label))
        {
            var one = photo.FirstOrDefault(r => r.Clients == 1);
            var many = photo.FirstOrDefault(r => r.Clients == manyClients);
            if (one is null || many is null)
                continue;
            var ratio = OkPerSecond(many) / OkPerSecondBeforeLimit(one);
            yield return string.Create(CultureInfo.InvariantCulture,
                $"- {photo.Key}: {manyClients} users {F(OkPerSecond(many))} 200/s against one client's " +
                $"{F(OkPerSecondBeforeLimit(one))} 200/s " +
                $"= {ratio:P0} (target at least 90%): {(ratio >= 0.9 ? "met" : "MISSED")}.");
        }
        var worst = runs.MaxBy(HealthMaxMs)!;
        var failures = runs.Sum(HealthFailures);
        yield return string.Create(CultureInfo.InvariantCulture,
            $"- /health: slowest answer {F(HealthMaxMs(worst))} ms ({worst.Label} x{worst.Clients}), {failures} not " +
            $"200, over " +
            $"{runs.Sum(r => r.Health.Count)} reads every {LoadRun.HealthInterval.TotalMilliseconds} ms (target " +
            $"within {HealthBudgetMs} ms throughout): " +
            $"{(HealthMaxMs(worst) <= HealthBudgetMs && failures == 0 ? "met" : "MISSED")}.");
    }

    /// <summary>
    /// Answers with <paramref name="status"/> as a percentage of all answers of the run ("-" when there were none).
    /// </summary>
    public static string Share(RunResult run, int status) =>
        run.Samples.Count == 0 ? "-" : F(100.0 * run.Samples.Count(s => s.Status == status) / run.Samples.Count);

    /// <summary>Nearest-rank percentile of sorted values (NaN when there are none).</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0,
            sorted.Length - 1)];

    public static string F(double value) => double.IsNaN(value) ? "-"
        : value.ToString("F1", CultureInfo.InvariantCulture);
}
