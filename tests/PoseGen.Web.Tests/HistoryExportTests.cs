using System.Net;
using System.Text.Json;
using PoseGen.Application.Workouts;
using PoseGen.Core.History;
using PoseGen.Core.Poses;
using PoseGen.Data;
using PoseGen.Inference.Video;
using PoseGen.TestSupport.Postgres;
using PoseGen.Web.Services.Workouts;
using PoseGen.Web.Tests.Infrastructure;
using PoseGen.Web.Contracts.Poses;

namespace PoseGen.Web.Tests;

/// <summary>
/// Exports read back: one entry as JSON, History as CSV, keypoints as COCO and OpenPose JSON, a workout's reps as CSV.
/// </summary>
public sealed class HistoryExportTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int Width = 640, Height = 480;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EveryExportParsesBackToTheSameFigures(DatabaseProvider provider)
    {
        using var factory = new PoseGenWebFactory(provider, provider == DatabaseProvider.Postgres
            ? database.ConnectionString : null);
        var email = BrowserLikeClient.NewEmail();
        using var client = await ApiClient.CreateSignedInAsync(factory, email);
        using var other = await ApiClient.CreateSignedInAsync(factory);
        var userId = await HistorySeed.UserIdAsync(factory, email);
        var now = DateTime.UtcNow;
        var workout = await HistorySeed.AddAsync(factory, userId, ActivityKind.Workout, now.AddMinutes(-2),
            new("squat", 2, 1, Seconds: 20.5),
            "Squat, \"deep\" live", Live());
        var comparison = await HistorySeed.AddAsync(factory, userId, ActivityKind.Comparison, now.AddMinutes(-1),
            new(Score: 72.25), "=1+1 comparison");
        var analysis = await HistorySeed.AddAsync(factory, userId, ActivityKind.Analysis, now, null, "Photo analysis",
            Analysis());

        // One entry as JSON: the figures and the document as saved.
        var entry = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/history/{workout}/export.json"))
            .RootElement;
        Assert.Equal(("squat", 2, 1, 20.5), (entry.GetProperty("figures").GetProperty("exercise").GetString(),
            entry.GetProperty("figures").GetProperty("goodReps").GetInt32(),
            entry.GetProperty("figures").GetProperty("improperReps").GetInt32(),
            entry.GetProperty("figures").GetProperty("seconds").GetDouble()));
        Assert.Equal("Workout", entry.GetProperty("kindName").GetString());
        Assert.Equal(3, entry.GetProperty("document").GetProperty("repDetails").GetArrayLength());

        // History as CSV: the same entries, oldest first, with the same figures; text a spreadsheet would run is
        // defused.
        var csvResponse = await client.GetAsync("/api/v1/history/export.csv");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var rows = Csv.Parse(await csvResponse.Content.ReadAsStringAsync());
        Assert.Equal("id,kind,kind_name,created_at_utc,title,summary,exercise,good_reps,improper_reps,score,seconds",
            string.Join(',', rows[0]));
        Assert.Equal([workout.ToString(), comparison.ToString(), analysis.ToString()], rows.Skip(1).Select(r => r[0]));
        Assert.Equal(["Squat, \"deep\" live", "workout", "squat", "2", "1", "20.5"],
            new[] { 4, 1, 6, 7, 8, 10 }.Select(i => rows[1][i]));
        Assert.Equal(["'=1+1 comparison", "72.25"], new[] { 4, 9 }.Select(i => rows[2][i]));
        // PostgreSQL keeps microseconds, so the time read back is within one of the time saved.
        var saved = DateTime.Parse(rows[1][3], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.RoundtripKind);
        Assert.Equal(DateTimeKind.Utc, saved.Kind);
        Assert.True(Math.Abs((saved - now.AddMinutes(-2)).TotalMilliseconds) < 0.01);
        Assert.Equal([comparison.ToString()], Csv.Parse(await client.GetStringAsync(
            "/api/v1/history/export.csv?kind=comparison")).Skip(1).Select(r => r[0]));
        (await client.GetAsync("/api/v1/history/export.csv?exercise=moonwalk")).AssertProblem(
            HttpStatusCode.BadRequest);

        // Reps as CSV: as many good and improper rows as the entry's figures.
        var reps = Csv.Parse(await client.GetStringAsync($"/api/v1/history/{workout}/reps.csv"));
        Assert.Equal("rep,start_s,peak_s,end_s,verdict,quality,issues,explanation", string.Join(',', reps[0]));
        Assert.Equal(2, reps.Count(r => r[4] == "good"));
        Assert.Equal(1, reps.Count(r => r[4] == "improper"));
        Assert.Equal(["3", "5", "5.5", "6.25", "improper", "0.4", "not deep enough"], reps[3].Take(7));

        // Keypoints of the workout's frames: COCO results in pixels (image_id = frame index), OpenPose's COCO-18
        // layout.
        var coco = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/history/{workout}/keypoints?format=coco"))
            .RootElement;
        Assert.Equal([0, 2], coco.EnumerateArray().Select(r => r.GetProperty("image_id").GetInt32()));
        var first = coco[0].GetProperty("keypoints").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        Assert.Equal(51, first.Length);
        Assert.Equal((0.5f * Width, 0.1f * Height, 0.9f), (first[0], first[1], first[2]));
        var openPose = JsonDocument.Parse(await client.GetStringAsync(
            $"/api/v1/history/{workout}/keypoints?format=openpose")).RootElement;
        Assert.Equal("COCO-18", openPose.GetProperty("layout").GetString());
        var frames = openPose.GetProperty("frames").EnumerateArray().ToList();
        Assert.Equal([1, 0, 1], frames.Select(f => f.GetProperty("people").GetArrayLength()));
        var body = frames[0].GetProperty("people")[0].GetProperty("pose_keypoints_2d").EnumerateArray()
            .Select(v => v.GetSingle()).ToArray();
        Assert.Equal(54, body.Length);
        // The neck (OpenPose joint 1) is the shoulders' mean.
        Assert.Equal(((first[15] + first[18]) / 2, (first[16] + first[19]) / 2), (body[3], body[4]));

        // A photo analysis exports its people; a comparison has no keypoints, nor reps.
        var photo = JsonDocument.Parse(await client.GetStringAsync(
            $"/api/v1/history/{analysis}/keypoints?format=openpose")).RootElement;
        Assert.Equal(54, photo.GetProperty("people")[0].GetProperty("pose_keypoints_2d").GetArrayLength());
        Assert.Equal(51, JsonDocument.Parse(await client.GetStringAsync(
            $"/api/v1/history/{analysis}/keypoints?format=coco")).RootElement[0]
            .GetProperty("keypoints").GetArrayLength());
        (await client.GetAsync($"/api/v1/history/{comparison}/keypoints?format=coco")).AssertProblem(
            HttpStatusCode.BadRequest);
        (await client.GetAsync($"/api/v1/history/{comparison}/reps.csv")).AssertProblem(HttpStatusCode.BadRequest);
        (await client.GetAsync($"/api/v1/history/{workout}/keypoints?format=bvh")).AssertProblem(
            HttpStatusCode.BadRequest);

        // Another user's ids are not found, and their CSV holds only the header.
        foreach (var url in new[] { $"{workout}/export.json", $"{workout}/reps.csv", $"{workout}/keypoints?format=coco",
            $"{analysis}/keypoints?format=openpose" })
            (await other.GetAsync($"/api/v1/history/{url}")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Single(Csv.Parse(await other.GetStringAsync("/api/v1/history/export.csv")));
    }

    /// <summary>
    /// A live squat session: two good reps and an improper one, three replay frames (the middle one empty).
    /// </summary>
    private static LiveWorkoutDocument Live()
    {
        float[] Person() => [.. Enumerable.Range(0, 17).SelectMany(i =>
            new[] { i == 0 ? 0.5f : 0.3f + (0.02f * i), i == 0 ? 0.1f : 0.2f + (0.03f * i), 0.9f })];
        RepDetail[] reps =
        [
            new(1, 2, 1.5, 0.9, []), new(2.5, 4, 3.25, 0.8, []), new(5, 6.25, 5.5, 0.4, ["not deep enough"],
                "Improper: knee angle 104°, needs 95° or less"),
        ];
        return new LiveWorkoutDocument(LiveWorkoutDocument.LiveSource, "squat", "lightning", 20.5, 2, 1, 0, reps,
            new KeypointTimeline(10, Width, Height, [new(0, Person()), new(0.1, []), new(0.2, Person())]));
    }

    private static PoseDetectionResponse Analysis() =>
        new(Guid.NewGuid(), Width, Height, "lightning", 0.3f,
            [new DetectedPerson(0.8f, new PersonBox(100, 50, 200, 400),
                [.. CocoKeypoints.Names.Select((name, i) => new NamedKeypoint(name, 150 + i, 60 + (20 * i), 0.8f))])],
            new DetectionTimings(1, 2, 3));

    /// <summary>RFC 4180 read back (quoted fields, doubled quotes, CRLF), independent of the writer.</summary>
    private static class Csv
    {
        public static List<string[]> Parse(string text)
        {
            var rows = new List<string[]>();
            var row = new List<string>();
            var field = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else field.Append(c);
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
                else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); }
                else if (c != '\r') field.Append(c);
            }
            return rows;
        }
    }
}
