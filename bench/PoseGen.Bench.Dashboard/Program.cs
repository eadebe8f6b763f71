// Issue 18: the dashboard's figures and History's first page over a big history, on both databases. One user with
// 10,000 sessions over the last year among 100 users (the other 99 with 100 each); medians of --iterations calls after
// a warm-up, through the app's own services (DashboardService with the weekly goal and the next pose, HistoryService)
// on a migrated database.
//   dotnet run -c Release --project bench/PoseGen.Bench.Dashboard -- [--iterations 30]
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Core.History;
using PoseGen.Data;
using PoseGen.Data.Entities;
using PoseGen.TestSupport.Postgres;
using PoseGen.Web.Services;
using PoseGen.Web.Services.Workouts;
using Stopwatch = System.Diagnostics.Stopwatch;

var iterations = args.Length == 2 && args[0] == "--iterations" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
const int Users = 100, MainSessions = 10_000, OtherSessions = 100;
string[] exercises = ["squat", "push-up", "lunge", "bicep-curl", "shoulder-press", "sit-up"];
string[] poses = ["warrior-2", "tree", "mountain", "downward-dog"];

Console.WriteLine(
    $"| database | seed (s) | dashboard, 7 days: median / p90 ms | dashboard, 365 days: median / p90 ms | History " +
    $"first page: median / p90 ms |");
Console.WriteLine("|---|---|---|---|---|");
await using var postgres = await PostgresServer.StartAsync();
foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
{
    var folder = Directory.CreateTempSubdirectory("posegen-dashboard-bench").FullName;
    var settings = new Dictionary<string, string?>
    {
        ["Database:Provider"] = provider.ToString(),
        ["ConnectionStrings:Postgres"] = provider == DatabaseProvider.Postgres
            ? postgres.ConnectionStringFor(await postgres.CreateDatabaseAsync("dashboard")) : "",
        ["Storage:DataRoot"] = folder,
    };
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
        .AddSingleton(TimeProvider.System)
        .AddPoseGenData(configuration, new DataRoot(folder));
    services.AddSingleton<WorkoutVideoStore>().AddScoped<HistoryService>().AddScoped<DashboardService>()
        .AddScoped<ProfileService>().AddScoped<PoseFeedbackService>().AddScoped<NextPoseService>()
        .AddSingleton(PoseGen.Core.Library.PoseLibrary.Default)
        .AddSingleton<PoseGen.Core.Recommendations.PoseRecommender>();
    await using var provider1 = services.BuildServiceProvider();
    await provider1.MigratePoseGenDatabaseAsync();

    var seed = Stopwatch.StartNew();
    var random = new Random(18);
    var now = DateTime.UtcNow;
    string main = "";
    for (var u = 0; u < Users; u++)
    {
        await using var scope = provider1.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PoseGenDbContext>();
        var user = new PoseGenUser { Id = Guid.NewGuid().ToString(), UserName = $"user{u}@example.test",
            Email = $"user{u}@example.test" };
        db.Users.Add(user);
        if (u == 0)
        {
            main = user.Id;
            // The main user has a weekly goal, so the dashboard measures its progress too (and suggests the next pose).
            db.Profiles.Add(new ProfileEntity { UserId = user.Id, WeeklyGoalKind =
                PoseGen.Core.Profiles.WeeklyGoalKind.Reps, WeeklyGoalTarget = 150 });
        }
        var count = u == 0 ? MainSessions : OtherSessions;
        for (var i = 0; i < count; i++)
        {
            var kind = (ActivityKind)random.Next(0, 5);
            var activity = new Activity
            {
                Id = Guid.NewGuid(), UserId = user.Id, Kind = kind, CreatedAtUtc =
                now.AddMinutes(-random.Next(0, 365 * 24 * 60)),
                Title = $"{kind} {i}", Summary = "seeded", Document = "{\"seeded\":true}",
            };
            if (kind == ActivityKind.Workout)
            {
                activity.SetFigures(random.Next(4) == 0
                    ? new ActivityFigures(poses[random.Next(poses.Length)], Score: random.Next(40, 100),
                        Seconds: random.Next(20, 300))
                    : new ActivityFigures(exercises[random.Next(exercises.Length)], random.Next(0, 30),
                        random.Next(0, 5), Seconds: random.Next(60, 1800)));
            }
            else if (kind == ActivityKind.Comparison)
            {
                activity.SetFigures(new ActivityFigures(Score: random.Next(20, 100)));
            }
            db.Activities.Add(activity);
            if (i % 2000 == 1999) await db.SaveChangesAsync();
        }
        await db.SaveChangesAsync();
    }
    seed.Stop();

    async Task<(double Median, double P90)> Time(Func<IServiceProvider, Task> call)
    {
        var times = new List<double>();
        for (var i = 0; i <= iterations; i++)
        {
            await using var scope = provider1.CreateAsyncScope();
            var sw = Stopwatch.StartNew();
            await call(scope.ServiceProvider);
            if (i > 0) times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.9)]);
    }
    var today = DateOnly.FromDateTime(now);
    var week = await Time(sp => sp.GetRequiredService<DashboardService>()
        .GetAsync(main, null, null, CancellationToken.None));
    var year = await Time(sp => sp.GetRequiredService<DashboardService>()
        .GetAsync(main, today.AddDays(-364), today, CancellationToken.None));
    var page = await Time(sp => sp.GetRequiredService<HistoryService>()
        .ListAsync(main, new HistoryFilter(), 0, 24, CancellationToken.None));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {provider} | {seed.Elapsed.TotalSeconds:0} | {week.Median:0.0} / {week.P90:0.0} | {year.Median:0.0} / " +
        $"{year.P90:0.0} | {page.Median:0.0} / {page.P90:0.0} |"));
    Directory.Delete(folder, recursive: true);
}
