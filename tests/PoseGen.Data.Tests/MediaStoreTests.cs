using PoseGen.Data.Entities;
using PoseGen.Data.Storage;

namespace PoseGen.Data.Tests;

public sealed class MediaStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("posegen-media-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private MediaStore Store() => new(new DataRoot(_root), TimeProvider.System);

    [Fact]
    public async Task SavesUnderTheUsersFolderWithAFreshName()
    {
        var userId = Guid.NewGuid().ToString();
        var file = await Store().SaveAsync(userId, new byte[] { 1, 2, 3 }, "image/jpeg", CancellationToken.None);
        Assert.StartsWith($"media/{userId}/", file.RelativePath, StringComparison.Ordinal);
        Assert.EndsWith(".jpg", file.RelativePath, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 1, 2, 3 }, await File.ReadAllBytesAsync(Store().FullPath(file)));
        Assert.Empty(Directory.GetFiles(_root, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../other")]
    [InlineData("a/b")]
    [InlineData("")]
    public async Task RefusesUserIdsThatAreNotSafeFolderNames(string userId) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Store()
            .SaveAsync(userId, new byte[] { 1 }, "image/png", CancellationToken.None));

    [Fact]
    public void RefusesStoredPathsThatEscapeTheMediaFolder()
    {
        var forged = new MediaFile { UserId = "u", RelativePath = "media/../../etc/passwd",
            ContentType = "text/plain" };
        Assert.Throws<InvalidOperationException>(() => Store().FullPath(forged));
    }

    [Fact]
    public async Task DeleteAllRemovesOnlyThatUsersFiles()
    {
        var store = Store();
        var alice = Guid.NewGuid().ToString();
        var bob = Guid.NewGuid().ToString();
        var a = await store.SaveAsync(alice, new byte[] { 1 }, "image/png", CancellationToken.None);
        var b = await store.SaveAsync(bob, new byte[] { 2 }, "image/png", CancellationToken.None);
        store.DeleteAll(alice);
        Assert.False(File.Exists(store.FullPath(a)));
        Assert.True(File.Exists(store.FullPath(b)));
    }
}
