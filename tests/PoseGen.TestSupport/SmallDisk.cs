using System.Diagnostics;
using System.Globalization;

namespace PoseGen.TestSupport;

/// <summary>
/// A real filesystem small enough to fill: a tmpfs of a few hundred KiB mounted in the private user and mount namespace
/// of a helper process (<c>unshare --user --map-root-user --mount</c>, which needs no privileges), reached from this
/// process through <c>/proc/{pid}/root</c>. A write past its size fails in the kernel exactly as on a full disk
/// (ENOSPC, "No space left on device"); nothing in the app under test is replaced. The mount disappears with the
/// helper, which ends when this is disposed or when the test process ends.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    /// <summary>tmpfs counts its size in pages.</summary>
    public const int PageBytes = 4096;

    /// <summary>ENOSPC on Linux; .NET puts the errno in IOException.HResult.</summary>
    private const int NoSpaceErrno = 28;

    // $1 owner pid, $2 mount point, $3 size in KiB. The loop keeps the namespace (and the mount) alive while the test
    // process runs; stdin is closed so the helper never waits on it.
    private const string Script = """
        exec </dev/null
        mount -t tmpfs -o "size=$3k,mode=1777" posegen-small-disk "$2" || exit 1
        echo mounted
        while [ -d "/proc/$1" ]; do sleep 1; done
        """;

    private readonly Process _helper;
    private readonly string _mountPoint;

    private SmallDisk(Process helper, string mountPoint)
    {
        _helper = helper;
        _mountPoint = mountPoint;
        Path = $"/proc/{helper.Id}/root{mountPoint}";
    }

    /// <summary>
    /// The mounted filesystem as this process sees it (a folder that can be the target of a symbolic link).
    /// </summary>
    public string Path { get; }

    private string Filler => System.IO.Path.Combine(Path, "filler");

    public static async Task<SmallDisk> MountAsync(int kibibytes)
    {
        var mountPoint = Directory.CreateTempSubdirectory("posegen-disk-").FullName;
        var start = new ProcessStartInfo("unshare")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--user", "--map-root-user", "--mount", "sh", "-c", Script, "posegen-small-disk",
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture), mountPoint,
            kibibytes.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var helper = Process.Start(start) ?? throw new InvalidOperationException("Could not start unshare.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await helper.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "mounted")
        {
            var error = await helper.StandardError.ReadToEndAsync(timeout.Token);
            helper.Kill();
            helper.Dispose();
            throw new InvalidOperationException(
                "Could not mount a small tmpfs in a private namespace (unshare --user --mount; the kernel must allow " +
                $"unprivileged user namespaces): {error}");
        }

        return new SmallDisk(helper, mountPoint);
    }

    /// <summary>
    /// Writes a filler file until the disk is full, then gives back <paramref name="leaveFree"/> bytes (rounded up to
    /// whole pages), so exactly that much room is left for what comes next.
    /// </summary>
    public void FillUp(long leaveFree = 0)
    {
        var chunk = new byte[PageBytes];
        using var filler = new FileStream(Filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            while (true)
            {
                filler.Write(chunk);
            }
        }
        catch (IOException e) when (e.HResult == NoSpaceErrno)
        {
            // Full: what was written so far stays (a page-sized write either fits whole or not at all).
        }

        var free = (leaveFree + PageBytes - 1) / PageBytes * PageBytes;
        filler.SetLength(Math.Max(0, filler.Length / PageBytes * PageBytes - free));
    }

    /// <summary>Space returns: the filler goes.</summary>
    public void Free() => File.Delete(Filler);

    /// <summary>Every file on the disk except the filler, relative to <see cref="Path"/>.</summary>
    public IReadOnlyList<string> Files() =>
        [.. Directory.GetFiles(Path, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path, f))
            .Where(f => f != "filler")
            .Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        if (!_helper.HasExited)
        {
            _helper.Kill();
            _helper.WaitForExit();
        }

        _helper.Dispose();
        // The mount lived only in the helper's namespace; the folder under it was always empty here.
        Directory.Delete(_mountPoint);
    }
}
