using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace PoseGen.Core.Generation;

/// <summary>
/// CLIP's byte-level BPE tokenizer (OpenAI CLIP simple_tokenizer, Hugging Face CLIPTokenizer) for SD 1.5's text
/// encoder, on Microsoft.ML.Tokenizers' <see cref="BpeTokenizer"/> configured as CLIP: byte level, "&lt;/w&gt;" word
/// ends, CLIP's split pattern and its two special tokens. Before it, the prompt is cleaned as CLIP cleans it
/// (HTML-unescaped twice, whitespace collapsed, lower-cased: the library's normalizers do not unescape HTML). The
/// result is framed as 77 ids: start 49406, tokens (at most 75), end 49407, padding 49407. Pieces missing from the
/// vocabulary become 49407, the tokenizer's unknown token. The library gave exactly the ids of our former hand-written
/// BPE on 300 prompts (ClipTokenizerLibraryTests). Differences from the reference: ftfy's mojibake repair is not
/// applied (prompts here are typed, not scraped), and like CLIP's own files the vocabulary must hold every merge
/// result.
/// </summary>
public sealed partial class ClipTokenizer
{
    public const int StartToken = 49406;
    public const int EndToken = 49407;
    public const int ContextLength = 77;

    private readonly BpeTokenizer _bpe;

    public ClipTokenizer(IReadOnlyDictionary<string, int> vocab, IEnumerable<(string First, string Second)> merges)
    {
        ArgumentNullException.ThrowIfNull(vocab);
        ArgumentNullException.ThrowIfNull(merges);
        var special = new Dictionary<string, int> { ["<|startoftext|>"] = StartToken, ["<|endoftext|>"] = EndToken };
        var withSpecial = vocab.ToDictionary();
        foreach (var (token, id) in special) withSpecial.TryAdd(token, id);
        _bpe = BpeTokenizer.Create(new BpeOptions(withSpecial)
        {
            Merges = merges.Select(m => $"{m.First} {m.Second}"),
            SpecialTokens = special,
            PreTokenizer = new RegexPreTokenizer(Pattern(), special),
            EndOfWordSuffix = "</w>",
            ByteLevel = true,
            UnknownToken = "<|endoftext|>",
        });
    }

    /// <summary>Loads <c>vocab.json</c> and <c>merges.txt</c> from a model's tokenizer folder.</summary>
    public static ClipTokenizer Load(string folder)
    {
        var vocabPath = Path.Combine(folder, "vocab.json");
        var mergesPath = Path.Combine(folder, "merges.txt");
        if (!File.Exists(vocabPath) || !File.Exists(mergesPath))
            throw new FileNotFoundException($"The CLIP tokenizer needs vocab.json and merges.txt in '{folder}'.");
        return Parse(File.ReadAllText(vocabPath), File.ReadAllText(mergesPath));
    }

    /// <summary>
    /// vocab.json maps token to id; merges.txt holds one "first second" pair per line after a "#version" header.
    /// </summary>
    public static ClipTokenizer Parse(string vocabJson, string mergesText)
    {
        ArgumentNullException.ThrowIfNull(mergesText);
        var vocab = JsonSerializer.Deserialize<Dictionary<string, int>>(vocabJson)
            ?? throw new FormatException("vocab.json is empty.");
        var merges = new List<(string, string)>();
        foreach (var raw in mergesText.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith("#version", StringComparison.Ordinal)) continue;
            var parts = line.Split(' ');
            if (parts.Length != 2) throw new FormatException($"merges.txt line '{line}' is not a pair.");
            merges.Add((parts[0], parts[1]));
        }
        try
        {
            return new ClipTokenizer(vocab, merges);
        }
        catch (InvalidOperationException ex)
        {
            throw new FormatException("vocab.json and merges.txt do not belong together: " + ex.Message, ex);
        }
    }

    /// <summary>
    /// HTML-unescaped twice (as CLIP does), whitespace runs collapsed to one space, trimmed, lower-cased.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var unescaped = WebUtility.HtmlDecode(WebUtility.HtmlDecode(text));
        return Whitespace().Replace(unescaped, " ").Trim().ToLowerInvariant();
    }

    /// <summary>The BPE token ids of a prompt, without start, end or padding.</summary>
    public IReadOnlyList<int> Encode(string text) => _bpe.EncodeToIds(Clean(text));

    /// <summary>
    /// The text encoder's input: 77 ids, truncated to 75 tokens between start and end, padded with the end id.
    /// </summary>
    public int[] Tokenize(string text)
    {
        var ids = Encode(text);
        var result = new int[ContextLength];
        Array.Fill(result, EndToken);
        result[0] = StartToken;
        var count = Math.Min(ids.Count, ContextLength - 2);
        for (var i = 0; i < count; i++) result[i + 1] = ids[i];
        result[count + 1] = EndToken;
        return result;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // CLIP's split: special tokens, English contractions, letter runs, single digits, runs of other non-space symbols.
    [GeneratedRegex(@"<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|\p{L}+|\p{N}|[^\s\p{L}\p{N}]+",
        RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
