using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Core.History;
using PoseGen.Data;
using PoseGen.Web.Services;

namespace PoseGen.Web.Tests.Infrastructure;

/// <summary>History entries written through the app's own HistoryService, dated as a test needs them.</summary>
internal static class HistorySeed
{
    public static async Task<string> UserIdAsync(WebApplicationFactory<Program> factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PoseGenDbContext>()
            .Users.SingleAsync(u => u.Email == email)).Id;
    }

    /// <summary>
    /// Adds an entry with <paramref name="document"/> (any JSON-serialisable value) created at
    /// <paramref name="atUtc"/>.
    /// </summary>
    public static async Task<Guid> AddAsync(
        WebApplicationFactory<Program> factory, string userId, ActivityKind kind, DateTime atUtc,
        ActivityFigures? figures = null,
        string title = "seeded", object? document = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PoseGenDbContext>();
        var history = scope.ServiceProvider.GetRequiredService<HistoryService>();
        var entry = await history.AddAsync(userId, kind, title, null, document ?? new { seeded = true }, [], null,
            CancellationToken.None, figures: figures);
        entry.CreatedAtUtc = atUtc;
        await db.SaveChangesAsync();
        return entry.Id;
    }
}
