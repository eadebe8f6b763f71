using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;
using PoseGen.Core.Generation;

namespace PoseGen.Core.Tests.Generation;

/// <summary>
/// Before our own BPE is replaced by Microsoft.ML.Tokenizers (issue 21): the library, configured as CLIP (byte level,
/// "&lt;/w&gt;" word ends, CLIP's split pattern, the two special tokens), must give exactly our ids on a CLIP-shaped
/// vocabulary (the 256 byte characters, each also with "&lt;/w&gt;", plus every merge result, as CLIP's vocab.json is
/// built) for 300 random prompts of known and unknown words, accents, emoji, entities and special tokens.
/// </summary>
public sealed class ClipTokenizerLibraryTests
{
    internal static (Dictionary<string, int> Vocab, (string, string)[] Merges) ClipShapedVocabulary()
    {
        var vocab = new Dictionary<string, int>();
        var next = 256;
        var bytes = Enumerable.Range(0, 256).Select(b =>
            ((char)(b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF ? b : next++)).ToString()).ToList();
        foreach (var c in bytes) vocab[c] = vocab.Count;
        foreach (var c in bytes) vocab[c + "</w>"] = vocab.Count;
        (string, string)[] merges =
        [
            ("h", "e"), ("l", "l"), ("he", "ll"), ("hell", "o</w>"), ("b", "c</w>"), ("a", "b"), ("d", "o"), ("do", "n</w>"),
            ("'", "t</w>"), ("p", "o"), ("s", "e</w>"), ("po", "se</w>"), ("y", "o"), ("g", "a</w>"), ("yo", "ga</w>"),
            ("t", "r"), ("e", "e</w>"), ("tr", "ee</w>"), ("Ã", "©</w>"),
        ];
        foreach (var (a, b) in merges) vocab.TryAdd(a + b, vocab.Count);
        vocab["<|startoftext|>"] = ClipTokenizer.StartToken;
        vocab["<|endoftext|>"] = ClipTokenizer.EndToken;
        return (vocab, merges);
    }

    internal static IEnumerable<string> RandomPrompts(int count)
    {
        string[] words = ["hello", "pose", "yoga", "tree", "don't", "abc", "é", "café", "1", "42", "!", "&amp;", "x", "Hello",
            "YOGA", "naïve", "😀", "a-b", "it's", "tree-pose", "<|endoftext|>", "<|startoftext|>", "x<|endoftext|>y", "\t"];
        var random = new Random(7);
        for (var i = 0; i < count; i++)
            yield return string.Join(random.Next(4) == 0 ? "  " : " ", Enumerable.Range(0, random.Next(1, 8)).Select(_ => words[random.Next(words.Length)]));
    }

    [Fact]
    public void TheLibraryGivesOurIdsOnThreeHundredPrompts()
    {
        var (vocab, merges) = ClipShapedVocabulary();
        var ours = new ClipTokenizer(vocab, merges);
        var special = new Dictionary<string, int> { ["<|startoftext|>"] = ClipTokenizer.StartToken, ["<|endoftext|>"] = ClipTokenizer.EndToken };
        var library = BpeTokenizer.Create(new BpeOptions(vocab)
        {
            Merges = merges.Select(m => $"{m.Item1} {m.Item2}"),
            SpecialTokens = special,
            PreTokenizer = new RegexPreTokenizer(new Regex(@"<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|\p{L}+|\p{N}|[^\s\p{L}\p{N}]+", RegexOptions.IgnoreCase), special),
            EndOfWordSuffix = "</w>",
            ByteLevel = true,
            UnknownToken = "<|endoftext|>",
        });

        Assert.All(RandomPrompts(300), p => Assert.Equal(ours.Encode(p), library.EncodeToIds(ClipTokenizer.Clean(p))));
    }
}
