using System.Net.Http.Json;
using System.Text.Json;

namespace PoseGen.Web.Tests.Generation;

internal static class GenerationClient
{
    public static object Request(string prompt = "a woman in warrior two pose, studio", int steps = 3) =>
        new { poseId = "warrior-2", view = "front", prompt, steps, scheduler = "euler-a", seed = 42 };

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public static async Task<string> PostAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/generations", request);
        if (response.StatusCode != System.Net.HttpStatusCode.Accepted)
            throw new InvalidOperationException(
                $"Expected 202, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await JsonAsync(response)).GetProperty("id").GetString()!;
    }

    /// <summary>
    /// Polls until the job reaches one of <paramref name="statuses"/>; the bound only stops a broken worker hanging the
    /// run.
    /// </summary>
    public static async Task<JsonElement> PollUntilAsync(HttpClient client, string id, params string[] statuses)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var status = await JsonAsync(await client.GetAsync($"/api/v1/generations/{id}"));
            if (statuses.Contains(status.GetProperty("status").GetString()))
                return status;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Job {id} never reached {string.Join("/", statuses)}.");
    }
}
