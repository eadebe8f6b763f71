using System.IO.Compression;
using System.Net;
using System.Text;
using PoseGen.TestSupport;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Security;

/// <summary>Issue 15, orphaned media: a request refused part-way leaves no stored photo behind.</summary>
public sealed class OrphanedMediaTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private string[] MediaFiles()
    {
        var folder = Path.Combine(_factory.DataRoot, "media");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
    }

    [Fact]
    public async Task AComparisonRefusedForTheCandidateKeepsNeitherPhoto()
    {
        using var client = await ApiClient.CreateSignedInAsync(_factory);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(File.ReadAllBytes(RepoPaths.Fixture("people", "mpii_004645041.jpg"))), "reference", "me.jpg" },
            { new ByteArrayContent(GreyPng(160, 120)), "candidate", "empty-room.png" },
        };

        var response = await client.PostAsync("/api/v1/poses/compare", form);

        response.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("No person was found in the candidate photo", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(MediaFiles());
    }

    /// <summary>A uniform grey picture: a valid photo in which nobody is.</summary>
    private static byte[] GreyPng(int width, int height)
    {
        using var data = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[width + 1];
            Array.Fill(row, (byte)128, 1, width);
            for (var y = 0; y < height; y++)
                zlib.Write(row);
        }
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", data.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] body)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(body).ToArray();
        png.Write(typed);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typed)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        var tail = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(tail, ~crc);
        png.Write(tail);
    }
}
