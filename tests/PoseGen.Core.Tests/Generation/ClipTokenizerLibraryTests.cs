using PoseGen.Core.Generation;

namespace PoseGen.Core.Tests.Generation;

/// <summary>
/// ClipTokenizer on Microsoft.ML.Tokenizers against our former BPE, on a CLIP-shaped vocabulary (the 256 byte
/// characters, each also with "&lt;/w&gt;", plus every merge result, as CLIP's vocab.json is built).
/// </summary>
public sealed class ClipTokenizerLibraryTests
{
    internal static (Dictionary<string, int> Vocab, (string, string)[] Merges) ClipShapedVocabulary()
    {
        var vocab = new Dictionary<string, int>();
        var next = 256;
        var bytes = Enumerable.Range(0, 256).Select(b =>
            ((char)(b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF ? b : next++)).ToString())
            .ToList();
        foreach (var c in bytes) vocab[c] = vocab.Count;
        foreach (var c in bytes) vocab[c + "</w>"] = vocab.Count;
        (string, string)[] merges =
        [
            ("h", "e"), ("l", "l"), ("he", "ll"), ("hell", "o</w>"), ("b", "c</w>"), ("a", "b"), ("d", "o"),
            ("do", "n</w>"),
            ("'", "t</w>"), ("p", "o"), ("s", "e</w>"), ("po", "se</w>"), ("y", "o"), ("g", "a</w>"), ("yo", "ga</w>"),
            ("t", "r"), ("e", "e</w>"), ("tr", "ee</w>"), ("Ã", "©</w>"),
        ];
        foreach (var (a, b) in merges) vocab.TryAdd(a + b, vocab.Count);
        vocab["<|startoftext|>"] = ClipTokenizer.StartToken;
        vocab["<|endoftext|>"] = ClipTokenizer.EndToken;
        return (vocab, merges);
    }

    /// <summary>
    /// The ids our former hand-written BPE gave for these prompts on the CLIP-shaped vocabulary (it agreed with the
    /// library on 300 random prompts, in the commit that compared the two before ours was deleted).
    /// </summary>
    [Theory]
    [InlineData("Hello yoga pose!", new[] { 515, 526, 523, 289 })]
    [InlineData("don't  TREE-pose", new[] { 519, 520, 529, 301, 523 })]
    [InlineData("café 42 &amp; 😀", new[] { 99, 97, 102, 530, 308, 306, 294, 240, 159, 152, 384 })]
    [InlineData("x<|endoftext|>y", new[] { 376, 49407, 377 })]
    [InlineData("naïve it's", new[] { 110, 97, 195, 175, 118, 357, 105, 372, 39, 371 })]
    public void GivesTheIdsOfOurFormerBpe(string prompt, int[] expected)
    {
        var (vocab, merges) = ClipShapedVocabulary();

        Assert.Equal(expected, new ClipTokenizer(vocab, merges).Encode(prompt));
    }

    [Fact]
    public void MismatchedVocabularyAndMergesAreAFormatError()
    {
        var ex = Assert.Throws<FormatException>(() => ClipTokenizer.Parse("{\"a\": 0}", "#version: 0.2\na b\n"));
        Assert.StartsWith("vocab.json and merges.txt do not belong together", ex.Message, StringComparison.Ordinal);
    }
}
