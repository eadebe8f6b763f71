namespace PoseGen.Imaging;

/// <summary>libvips as loaded in this process, for /health.</summary>
public sealed record LibvipsInfo(string Version, int Concurrency, long MaxPixels);
