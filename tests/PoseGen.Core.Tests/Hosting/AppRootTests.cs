using PoseGen.Core.Hosting;

namespace PoseGen.Core.Tests.Hosting;

public sealed class AppRootTests
{
    [Fact]
    public void FromACheckoutTheRootIsTheFolderHoldingTheSolution()
    {
        var root = AppRoot.Repository;

        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root, "PoseGen.sln")));
        Assert.StartsWith(root, AppContext.BaseDirectory, StringComparison.Ordinal);
        Assert.Equal(root, AppRoot.Folder);
    }

    [Fact]
    public void RelativePathsAreUnderTheRootAndAbsoluteOnesStay()
    {
        var absolute = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "posegen-data"));

        Assert.Equal(Path.Combine(AppRoot.Folder, "models"), AppRoot.Resolve("models"));
        Assert.Equal(absolute, AppRoot.Resolve(absolute));
    }
}
