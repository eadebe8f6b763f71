using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PoseGen.Imaging.Tests.TestData;

namespace PoseGen.Imaging.Tests;

/// <summary>The GLib log handler is process-wide, so this shares the serial collection with the memory test.</summary>
[Collection(nameof(LibvipsMemoryCollection))]
public sealed class LibvipsLogRoutingTests
{
    [Fact]
    public void LibvipsWarningsReachTheInjectedLogger()
    {
        var logger = new CapturingLogger();
        var codec = new LibvipsImageCodec(Options.Create(new ImagingOptions()), logger);
        var photo = Fixtures.Read("mpii_051423444.jpg");

        // Shrink-on-load of a truncated JPEG logs a GLib warning per failed tile before the call fails.
        Assert.Throws<ImageDecodeException>(() => codec.DecodeThumbnail(photo[..(photo.Length / 2)], 64, 64));

        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Debug
            && e.Message.StartsWith("libvips: ", StringComparison.Ordinal));
    }

    private sealed class CapturingLogger : ILogger<LibvipsImageCodec>
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
