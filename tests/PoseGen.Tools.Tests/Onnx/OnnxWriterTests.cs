using Google.Protobuf;
using PoseGen.Onnx;

namespace PoseGen.Tools.Tests.Onnx;

public sealed class OnnxWriterTests
{
    [Fact]
    public void WrittenModelReadsBackWithTheSameGraph()
    {
        var graph = new OnnxGraphBuilder("round-trip", opset: 18);
        var x = graph.AddInput("x", OnnxDataType.Int32, 1, OnnxDimension.Symbolic("height"), 3);
        var w = graph.AddInitializer("w", [1.5f, -2f, 0.25f], 3);
        var axes = graph.AddInt64s("axes", 0, 2);
        graph.AddInitializer("k", [7, 8], 2);
        var cast = graph.AddNode("Cast", "cast", [x], OnnxAttribute.Of("to", (long)OnnxDataType.Float));
        var parts = graph.AddNode("Split", "split", [cast], 2, OnnxAttribute.Of("axis", 1L),
            OnnxAttribute.Of("num_outputs", 2L));
        graph.AddNodeWithOutputs("Mul", [parts[0], w], ["y"],
            OnnxAttribute.Of("alpha", 0.5f), OnnxAttribute.Of("mode", "half_pixel"),
            OnnxAttribute.Of("scales", [1f, 2f]),
            OnnxAttribute.Of("perm", [0L, 3L, 1L]), OnnxAttribute.Of("value",
                OnnxTensor.FromBools("v", [true, false], 2)));
        graph.AddOutput("y", OnnxDataType.Float, [1, OnnxDimension.Symbolic("height"), 3]);

        var model = OnnxReader.Read(graph.ToBytes("doc"));

        Assert.Equal(8, model.IrVersion);
        Assert.Equal([new OnnxOpsetImport("", 18)], model.OpsetImports);
        Assert.Equal("doc", model.DocString);
        Assert.Equal("round-trip", model.Graph.Name);
        Assert.Equal(["w", "axes", "k"], model.Graph.Initializers.Select(t => t.Name));
        Assert.Equal([1.5f, -2f, 0.25f], model.Graph.Initializers[0].ToFloats());
        Assert.Equal([0L, 2L], model.Graph.Initializers[1].ToInt64s());
        Assert.Equal([7, 8], model.Graph.Initializers[2].ToInt32s());
        Assert.Equal([2L], model.Graph.Initializers[2].Dims);
        Assert.Equal(axes, model.Graph.Initializers[1].Name);

        var input = Assert.Single(model.Graph.Inputs);
        Assert.Equal(OnnxDataType.Int32, input.ElementType);
        Assert.Equal([new OnnxDimension(1), OnnxDimension.Symbolic("height"), new OnnxDimension(3)], input.Shape);

        Assert.Equal(["Cast", "Split", "Mul"], model.Graph.Nodes.Select(n => n.OpType));
        Assert.Equal(["split", "split:1"], model.Graph.Nodes[1].Outputs);
        var mul = model.Graph.Nodes[2];
        Assert.Equal(["split", "w"], mul.Inputs);
        Assert.Equal(0.5f, mul.Attribute("alpha")!.F);
        Assert.Equal("half_pixel", mul.Attribute("mode")!.StringValue);
        Assert.Equal([1f, 2f], mul.Attribute("scales")!.Floats);
        Assert.Equal([0L, 3L, 1L], mul.Attribute("perm")!.Ints);
        Assert.Equal(OnnxAttributeKind.Tensor, mul.Attribute("value")!.Kind);
        Assert.Equal([1, 0], mul.Attribute("value")!.T!.RawData);
        Assert.Equal("y", Assert.Single(model.Graph.Outputs).Name);
    }

    [Fact]
    public void WritingIsDeterministic()
    {
        static byte[] Build()
        {
            var graph = new OnnxGraphBuilder();
            var x = graph.AddInput("x", OnnxDataType.Float, 4);
            graph.AddNodeWithOutputs("Relu", [x], ["y"]);
            graph.AddOutput("y", OnnxDataType.Float, [4]);
            return graph.ToBytes();
        }

        Assert.Equal(Build(), Build());
    }

    [Fact]
    public void ReaderAcceptsPackedRepeatedInts()
    {
        // TensorProto { dims: packed [2, 3] (field 1), data_type: INT64 (field 2), int64_data: packed 0..5 (field 7) }
        using var tensor = new MemoryStream();
        using (var o = new CodedOutputStream(tensor, leaveOpen: true))
        {
            o.WriteTag(1, WireFormat.WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(2, 3));
            o.WriteTag(2, WireFormat.WireType.Varint);
            o.WriteInt32((int)OnnxDataType.Int64);
            o.WriteTag(7, WireFormat.WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(0, 1, 2, 3, 4, 5));
            o.WriteTag(8, WireFormat.WireType.LengthDelimited);
            o.WriteString("t");
        }
        // ModelProto { graph (7): GraphProto { initializer (5): the tensor } }
        var model = OnnxReader.Read(Field(7, Field(5, tensor.ToArray())));

        var t = model.Graph.Initializers.Single(i => i.Name == "t");
        Assert.Equal([2L, 3L], t.Dims);
        Assert.Equal([0L, 1, 2, 3, 4, 5], t.ToInt64s());
    }

    private static byte[] Field(int number, byte[] message)
    {
        using var buffer = new MemoryStream();
        using (var o = new CodedOutputStream(buffer, leaveOpen: true))
        {
            o.WriteTag(number, WireFormat.WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(message));
        }
        return buffer.ToArray();
    }
}
