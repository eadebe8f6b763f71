using PoseGen.Core.Hosting;
using PoseGen.Data;

namespace PoseGen.Web.Hosting;

/// <summary>
/// The web host's folders, all under <see cref="AppRoot"/> unless configured absolute: wwwroot/ and the data folder
/// (Storage:DataRoot; the SQLite file, media, waiting clips and data-protection keys live below it, see
/// <see cref="DataRoot"/>).
/// </summary>
public static class AppPaths
{
    public static string WebRoot() => AppRoot.Resolve("wwwroot");

    /// <summary>Storage:DataRoot, absolute or relative to the repository root (published: the app folder).</summary>
    public static DataRoot DataRoot(IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (string.IsNullOrWhiteSpace(options.DataRoot))
            throw new InvalidOperationException("Storage:DataRoot is empty; leave it out for data/ or name a folder.");
        return new DataRoot(AppRoot.Resolve(options.DataRoot));
    }
}
