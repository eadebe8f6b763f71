using PoseGen.Core.Generation;

namespace PoseGen.Core.Tests.Generation;

public sealed class ClipTokenizerTests
{
    // A tiny vocabulary: "hello" builds through four ranked merges; "Ã" "©</w>" are the byte characters of "é". As in
    // CLIP's own files, every merge's parts and result are in it (the library refuses merges of unknown tokens).
    private static readonly Dictionary<string, int> Vocab = new()
    {
        ["h"] = 1, ["e"] = 2, ["l"] = 3, ["o</w>"] = 4, ["hello</w>"] = 5, ["!</w>"] = 6, ["a"] = 7, ["bc</w>"] = 8,
        ["ab"] = 9, ["c</w>"] = 10, ["don</w>"] = 11, ["'t</w>"] = 12, ["1</w>"] = 13, ["2</w>"] = 14, ["Ã"] = 15,
        ["©</w>"] = 16, ["&</w>"] = 17, ["x</w>"] = 18, ["he"] = 19, ["ll"] = 20, ["hell"] = 21, ["do"] = 22,
        ["b"] = 23,
        ["d"] = 24, ["n</w>"] = 25, ["'"] = 26, ["t</w>"] = 27, ["o"] = 28,
    };

    private static readonly (string, string)[] Merges =
    [
        ("h", "e"), ("l", "l"), ("he", "ll"), ("hell", "o</w>"), ("b", "c</w>"), ("a", "b"), ("d", "o"),
        ("do", "n</w>"),
        ("'", "t</w>"),
    ];

    private static ClipTokenizer Tokenizer() => new(Vocab, Merges);

    [Fact]
    public void CleansWhitespaceCaseAndHtmlEntities()
    {
        Assert.Equal("a b & c", ClipTokenizer.Clean("  A\t\n b &amp;amp;  C "));
    }

    [Fact]
    public void MergesByRankUntilWholeWordsRemain()
    {
        Assert.Equal([5, 5, 6], Tokenizer().Encode("Hello   HELLO!"));
    }

    [Fact]
    public void LowerRankedMergeWinsOverEarlierPosition()
    {
        // "b c</w>" ranks before "a b", so "abc" ends as a + bc</w>, not ab + c</w>.
        Assert.Equal([7, 8], Tokenizer().Encode("abc"));
    }

    [Fact]
    public void SplitsContractionsDigitsAndPunctuationLikeClip()
    {
        Assert.Equal([11, 12, 13, 14, 17], Tokenizer().Encode("don't 12 &amp;"));
    }

    [Fact]
    public void EncodesNonAsciiThroughUtf8ByteCharacters()
    {
        Assert.Equal([15, 16], Tokenizer().Encode("é"));
    }

    [Fact]
    public void UnknownPiecesBecomeTheEndToken()
    {
        Assert.Equal([ClipTokenizer.EndToken], Tokenizer().Encode("z"));
    }

    [Fact]
    public void FramesSeventySevenIdsWithStartEndAndPadding()
    {
        var ids = Tokenizer().Tokenize("hello!");
        Assert.Equal(77, ids.Length);
        Assert.Equal([49406, 5, 6, 49407], ids[..4]);
        Assert.All(ids[4..], id => Assert.Equal(49407, id));
    }

    [Fact]
    public void TruncatesLongPromptsToSeventyFiveTokensAndKeepsTheEnd()
    {
        var ids = Tokenizer().Tokenize(string.Join(' ', Enumerable.Repeat("x", 100)));
        Assert.Equal(77, ids.Length);
        Assert.Equal(49406, ids[0]);
        Assert.All(ids[1..76], id => Assert.Equal(18, id));
        Assert.Equal(49407, ids[76]);
    }

    [Fact]
    public void LoadsVocabularyAndMergesFromAFolder()
    {
        var folder = Directory.CreateTempSubdirectory("clip-tokenizer-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "vocab.json"),
                System.Text.Json.JsonSerializer.Serialize(Vocab));
            File.WriteAllText(Path.Combine(folder.FullName, "merges.txt"),
                "#version: 0.2\n" + string.Join('\n', Merges.Select(m => $"{m.Item1} {m.Item2}")) + "\n");
            var loaded = ClipTokenizer.Load(folder.FullName);
            Assert.Equal(Tokenizer().Tokenize("Hello abc don't é"), loaded.Tokenize("Hello abc don't é"));
            Assert.Equal([5, 7, 8], loaded.Encode("hello abc"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void MissingFilesAreReportedWithTheFolder()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => ClipTokenizer.Load("/nonexistent/clip"));
        Assert.Contains("/nonexistent/clip", ex.Message, StringComparison.Ordinal);
    }
}
