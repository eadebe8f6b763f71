using PoseGen.Core.Imaging;
using PoseGen.Imaging.Tests.TestData;

namespace PoseGen.Imaging.Tests;

public sealed class LibvipsImageCodecConcurrencyTests
{
    private readonly LibvipsImageCodec _codec = TestCodec.Create();

    [Fact]
    public void ParallelDecodesGiveTheSameBytesAsSequentialOnes()
    {
        var inputs = Fixtures.PeoplePhotos.Select(File.ReadAllBytes).ToArray();
        var expected = inputs.Select(b => _codec.DecodeThumbnail(b, 256, 256)).ToArray();
        var expectedFull = inputs.Select(b => _codec.Decode(b).Pixels.Length).ToArray();

        var results = new RgbImage[inputs.Length * 8];
        var fullSizes = new int[results.Length];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            results[i] = _codec.DecodeThumbnail(inputs[i % inputs.Length], 256, 256);
            fullSizes[i] = _codec.Decode(inputs[i % inputs.Length]).Pixels.Length;
        });

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % inputs.Length].Pixels, results[i].Pixels);
            Assert.Equal(expectedFull[i % inputs.Length], fullSizes[i]);
        }
    }

    [Fact]
    public void ConcurrentFailuresEachReportTheirOwnKind()
    {
        var good = Fixtures.Read("ochuman_003896.jpg");
        var random = new byte[2048];
        new Random(7).NextBytes(random);
        var cases = new (byte[] Bytes, ImageErrorKind? Expected)[]
        {
            (good, null),
            (good[..(good.Length / 2)], ImageErrorKind.Corrupt),
            (random, ImageErrorKind.UnsupportedFormat),
            (PngBuilder.BombHeader(100_000, 100_000), ImageErrorKind.TooLarge),
            ([], ImageErrorKind.Empty),
        };

        var outcomes = new ImageErrorKind?[cases.Length * 20];
        Parallel.For(0, outcomes.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            try
            {
                _codec.DecodeThumbnail(cases[i % cases.Length].Bytes, 128, 128);
                outcomes[i] = null;
            }
            catch (ImageDecodeException e)
            {
                outcomes[i] = e.Kind;
            }
        });

        for (var i = 0; i < outcomes.Length; i++)
            Assert.Equal(cases[i % cases.Length].Expected, outcomes[i]);
    }
}
