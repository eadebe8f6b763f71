using System.Net;
using System.Net.Sockets;

namespace PoseGen.TestSupport;

internal static class LoopbackPort
{
    /// <summary>
    /// A TCP port on 127.0.0.1 that nothing listens on now (the kernel's pick; free until someone takes it).
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
