using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Core.History;
using PoseGen.Data;
using PoseGen.Data.Storage;
using PoseGen.Web.Services;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests;

/// <summary>Scenarios run on each database provider.</summary>
internal static class AccountScenarios
{
    public static async Task FullLifeCycleAsync(PoseGenWebFactory factory)
    {
        var client = new BrowserLikeClient(factory);
        var email = BrowserLikeClient.NewEmail();
        await client.RegisterAsync(email);

        var saved = await client.SubmitAsync("/Profile", "/Profile",
        [
            new("Goals", "Yoga"), new("Goals", "Aesthetics"), new("Level", "Intermediate"),
            new("Limitations", "Knees"), new("Preferences", "Outdoor, minimal, outdoor"), new("HeightCm", "172"),
            new("DisplayName", "  Ana   Lima "),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var profilePage = await client.GetPageAsync(saved.Headers.Location!.ToString());
        Assert.Contains("Profile saved", profilePage, StringComparison.Ordinal);
        Assert.Contains("value=\"outdoor, minimal\"", profilePage, StringComparison.Ordinal);
        // The navigation greets the user by the name they chose, not by their e-mail address.
        Assert.Contains("id=\"nav-user\">Ana Lima</a>", profilePage, StringComparison.Ordinal);

        // A history entry with a media file, as features create them, so deletion has something to remove.
        string userId;
        string mediaPath;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PoseGenDbContext>();
            userId = (await db.Users.SingleAsync(u => u.Email == email)).Id;
            var profile = await db.Profiles.SingleAsync(p => p.UserId == userId);
            Assert.Equal([PoseGen.Core.Profiles.Goal.Yoga, PoseGen.Core.Profiles.Goal.Aesthetics], profile.Goals);
            Assert.Equal(172, profile.HeightCm);
            Assert.Equal("Ana Lima", profile.DisplayName);
            var store = scope.ServiceProvider.GetRequiredService<MediaStore>();
            var file = await store.SaveAsync(userId, new byte[] { 1, 2, 3 }, "image/png", CancellationToken.None);
            var history = scope.ServiceProvider.GetRequiredService<HistoryService>();
            await history.AddAsync(userId, ActivityKind.Analysis, "Test", null, new { people = 0 }, [file], file.Id,
                CancellationToken.None);
            mediaPath = store.FullPath(file);
        }
        Assert.True(File.Exists(mediaPath));
        Assert.Contains("Test", await client.GetPageAsync("/History"), StringComparison.Ordinal);

        var loggedOut = await client.SubmitAsync("/", "/Account/Logout", []);
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/Profile")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(email)).StatusCode);
        Assert.Contains("Intermediate", await client.GetPageAsync("/Profile"), StringComparison.Ordinal);

        var deleted = await client.SubmitAsync("/Account/Manage", "/Account/Delete",
            [new("Delete.Password", BrowserLikeClient.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(File.Exists(mediaPath));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PoseGenDbContext>();
            Assert.False(await db.Users.AnyAsync(u => u.Id == userId));
            Assert.False(await db.Profiles.AnyAsync(p => p.UserId == userId));
            Assert.False(await db.Activities.AnyAsync(a => a.UserId == userId));
            Assert.False(await db.MediaFiles.AnyAsync(m => m.UserId == userId));
        }
        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(email)).StatusCode);
    }
}
