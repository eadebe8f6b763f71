using System.Runtime.InteropServices;

namespace PoseGen.Onnx;

/// <summary>
/// A constant tensor (TensorProto). Data is kept as little-endian raw bytes, as TensorProto.raw_data stores it, so a
/// tensor written and read back is byte-identical.
/// </summary>
public sealed record OnnxTensor(string Name, OnnxDataType DataType, IReadOnlyList<long> Dims, byte[] RawData)
{
    public long ElementCount => Dims.Aggregate(1L, (n, d) => n * d);

    public static OnnxTensor FromFloats(string name, ReadOnlySpan<float> values, params long[] dims) =>
        new(name, OnnxDataType.Float, Check(dims, values.Length), ToBytes(values));

    public static OnnxTensor FromInt64s(string name, ReadOnlySpan<long> values, params long[] dims) =>
        new(name, OnnxDataType.Int64, Check(dims, values.Length), ToBytes(values));

    public static OnnxTensor FromInt32s(string name, ReadOnlySpan<int> values, params long[] dims) =>
        new(name, OnnxDataType.Int32, Check(dims, values.Length), ToBytes(values));

    public static OnnxTensor FromBools(string name, ReadOnlySpan<bool> values, params long[] dims)
    {
        var bytes = new byte[values.Length];
        for (var i = 0; i < values.Length; i++)
            bytes[i] = values[i] ? (byte)1 : (byte)0;
        return new(name, OnnxDataType.Bool, Check(dims, values.Length), bytes);
    }

    public float[] ToFloats() => FromBytes<float>(OnnxDataType.Float);

    public long[] ToInt64s() => FromBytes<long>(OnnxDataType.Int64);

    public int[] ToInt32s() => FromBytes<int>(OnnxDataType.Int32);

    private T[] FromBytes<T>(OnnxDataType expected)
        where T : unmanaged
    {
        if (DataType != expected)
            throw new InvalidOperationException($"Tensor '{Name}' is {DataType}, not {expected}.");
        var values = MemoryMarshal.Cast<byte, T>(RawData).ToArray();
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException(
                "ONNX raw_data is little-endian; big-endian hosts are not supported.");
        return values;
    }

    private static byte[] ToBytes<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException(
                "ONNX raw_data is little-endian; big-endian hosts are not supported.");
        return MemoryMarshal.AsBytes(values).ToArray();
    }

    private static long[] Check(long[] dims, int count)
    {
        var expected = dims.Aggregate(1L, (n, d) => n * d);
        if (expected != count)
            throw new ArgumentException(
                $"Shape [{string.Join(',', dims)}] holds {expected} elements, data has {count}.");
        return dims;
    }
}
