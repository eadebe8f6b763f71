using System.Buffers.Binary;
using System.Text.Json;
using PoseGen.Core.Poses;

namespace PoseGen.Application.Workouts;

/// <summary>What a live session was started with: with its accepted frames in order, all that is needed to rebuild it.
/// <see cref="Exercise"/> is an exercise id, <see cref="LiveWorkoutSession.Auto"/> or the practice exercise.</summary>
public sealed record LiveSessionStart(Guid Id, string UserId, string Exercise, string Model, PoseReference? Reference)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="JsonException">Not a start record.</exception>
    public static LiveSessionStart FromJson(string json) =>
        JsonSerializer.Deserialize<LiveSessionStart>(json, Json)
            ?? throw new JsonException("A live session's start record is null.");
}

/// <summary>A stored session: its start and the accepted frames in the batches they were accepted in.</summary>
public sealed record LiveSessionRecord(LiveSessionStart Start, IReadOnlyList<LiveFrame[]> Batches);

/// <summary>
/// Accepted frames as bytes, one batch per stored value: a version byte, the frame count, then per frame t (float64),
/// w and h (int32) and the 51 keypoint values (float32), little-endian. The values are the ones the counter folded, bit
/// for bit, so a replay counts exactly what the first instance counted (JSON text would need care to round-trip floats,
/// and is three times the size). 220 bytes a frame: an hour at 30 fps is about 24 MB.
/// </summary>
public static class LiveFrameBatch
{
    private const byte Version = 1;
    private const int Values = CocoKeypoints.Count * 3;
    private const int HeaderBytes = 1 + sizeof(int);
    public const int FrameBytes = sizeof(double) + (2 * sizeof(int)) + (Values * sizeof(float));

    public static byte[] Encode(IReadOnlyList<LiveFrame> frames)
    {
        var bytes = new byte[HeaderBytes + (frames.Count * FrameBytes)];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(1), frames.Count);
        var at = HeaderBytes;
        foreach (var frame in frames)
        {
            if (frame.K.Length != Values)
                throw new ArgumentException($"A live frame has {Values} keypoint values, not {frame.K.Length}.",
                    nameof(frames));
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(at), frame.T);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at + 8), frame.W);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at + 12), frame.H);
            for (var i = 0; i < Values; i++)
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at + 16 + (i * sizeof(float))), frame.Value(i));
            at += FrameBytes;
        }
        return bytes;
    }

    /// <exception cref="FormatException">Not a batch this version wrote.</exception>
    public static LiveFrame[] Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderBytes || bytes[0] != Version)
            throw new FormatException("Not a live frame batch of version 1.");
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[1..]);
        if (count < 0 || bytes.Length != HeaderBytes + ((long)count * FrameBytes))
            throw new FormatException("A live frame batch's length does not match its frame count.");
        var frames = new LiveFrame[count];
        for (var f = 0; f < count; f++)
        {
            var frame = bytes.Slice(HeaderBytes + (f * FrameBytes), FrameBytes);
            var k = new float?[Values];
            for (var i = 0; i < Values; i++)
            {
                var value = BinaryPrimitives.ReadSingleLittleEndian(frame[(16 + (i * sizeof(float)))..]);
                // A null value is folded as NaN (LiveFrame.Value), so both read back as the same frame.
                k[i] = float.IsNaN(value) ? null : value;
            }
            frames[f] = new LiveFrame(BinaryPrimitives.ReadDoubleLittleEndian(frame),
                BinaryPrimitives.ReadInt32LittleEndian(frame[8..]),
                BinaryPrimitives.ReadInt32LittleEndian(frame[12..]), k);
        }
        return frames;
    }
}
