using System.Data.Common;

namespace PoseGen.Data;

/// <summary>
/// What a failure below the app means, whatever the database provider or the platform calls it: the database cannot be
/// reached for now, or the disk is full. Both are the server's condition, not the request's fault, and both pass.
/// </summary>
public static class DataFaults
{
    // Linux and macOS report a full disk as ENOSPC (28), a full quota as EDQUOT (122 on Linux, 69 on macOS); .NET puts
    // the errno in IOException.HResult. Windows uses ERROR_DISK_FULL (112) and ERROR_HANDLE_DISK_FULL (39) as HRESULTs.
    private static readonly int[] OutOfSpaceCodes =
        OperatingSystem.IsWindows() ? [unchecked((int)0x80070070), unchecked((int)0x80070027)]
        : OperatingSystem.IsMacOS() ? [28, 69]
        : [28, 122];

    /// <summary>
    /// The database is down, restarting or unreachable. Providers flag these as transient (Npgsql: a failed connect, a
    /// broken connection, admin shutdown, "the database system is starting up"); EF Core and Identity wrap them, so the
    /// whole chain of inner exceptions is searched.
    /// </summary>
    public static bool IsDatabaseUnavailable(Exception exception) =>
        Chain(exception).Any(e => e is DbException { IsTransient: true });

    /// <summary>A write failed because the disk (or the user's quota) is full.</summary>
    public static bool IsOutOfSpace(Exception exception) =>
        Chain(exception).Any(e => e is IOException io && OutOfSpaceCodes.Contains(io.HResult));

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
            yield return e;
    }
}
