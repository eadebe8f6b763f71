using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PoseGen.Core.Generation;

/// <summary>
/// CLIP's byte-level BPE tokenizer (OpenAI CLIP simple_tokenizer, Hugging Face CLIPTokenizer) for SD 1.5's text encoder:
/// HTML-unescape, collapse whitespace, lower-case, split with CLIP's pattern, map UTF-8 bytes to GPT-2's printable
/// characters, mark word ends with "&lt;/w&gt;", merge by rank, and frame as 77 ids: start 49406, tokens (at most 75),
/// end 49407, padding 49407. Words missing from the vocabulary become 49407, the tokenizer's unknown token.
/// Difference from the reference: ftfy's mojibake repair is not applied (prompts here are typed, not scraped).
/// </summary>
public sealed partial class ClipTokenizer
{
    public const int StartToken = 49406;
    public const int EndToken = 49407;
    public const int ContextLength = 77;
    private const string WordEnd = "</w>";

    private static readonly string[] ByteToChar = BuildByteMap();
    private readonly IReadOnlyDictionary<string, int> _vocab;
    private readonly Dictionary<(string, string), int> _ranks = [];
    private readonly Dictionary<string, string[]> _cache = [];
    private readonly Lock _cacheLock = new();

    public ClipTokenizer(IReadOnlyDictionary<string, int> vocab, IEnumerable<(string First, string Second)> merges)
    {
        ArgumentNullException.ThrowIfNull(vocab);
        ArgumentNullException.ThrowIfNull(merges);
        _vocab = vocab;
        foreach (var pair in merges) _ranks.TryAdd(pair, _ranks.Count);
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

    /// <summary>vocab.json maps token to id; merges.txt holds one "first second" pair per line after a "#version" header.</summary>
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
        return new ClipTokenizer(vocab, merges);
    }

    /// <summary>HTML-unescaped twice (as CLIP does), whitespace runs collapsed to one space, trimmed, lower-cased.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var unescaped = WebUtility.HtmlDecode(WebUtility.HtmlDecode(text));
        return Whitespace().Replace(unescaped, " ").Trim().ToLowerInvariant();
    }

    /// <summary>The BPE token ids of a prompt, without start, end or padding.</summary>
    public IReadOnlyList<int> Encode(string text)
    {
        var ids = new List<int>();
        foreach (Match m in Pattern().Matches(Clean(text)))
        {
            if (m.Value == "<|startoftext|>") { ids.Add(StartToken); continue; }
            if (m.Value == "<|endoftext|>") { ids.Add(EndToken); continue; }
            var mapped = string.Concat(Encoding.UTF8.GetBytes(m.Value).Select(b => ByteToChar[b]));
            foreach (var piece in Bpe(mapped))
                ids.Add(_vocab.TryGetValue(piece, out var id) ? id : EndToken);
        }
        return ids;
    }

    /// <summary>The text encoder's input: 77 ids, truncated to 75 tokens between start and end, padded with the end id.</summary>
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

    private string[] Bpe(string token)
    {
        lock (_cacheLock)
        {
            if (_cache.TryGetValue(token, out var cached)) return cached;
        }
        var word = token.Select(c => c.ToString()).ToList();
        word[^1] += WordEnd;
        while (word.Count > 1)
        {
            var best = -1;
            var bestRank = int.MaxValue;
            for (var i = 0; i < word.Count - 1; i++)
            {
                if (_ranks.TryGetValue((word[i], word[i + 1]), out var rank) && rank < bestRank)
                    (best, bestRank) = (i, rank);
            }
            if (best < 0) break;
            var (first, second) = (word[best], word[best + 1]);
            var merged = new List<string>(word.Count);
            for (var i = 0; i < word.Count; i++)
            {
                if (i < word.Count - 1 && word[i] == first && word[i + 1] == second)
                {
                    merged.Add(first + second);
                    i++;
                }
                else merged.Add(word[i]);
            }
            word = merged;
        }
        var result = word.ToArray();
        lock (_cacheLock) _cache[token] = result;
        return result;
    }

    /// <summary>GPT-2's bytes_to_unicode: printable bytes map to themselves, the rest to U+0100 onwards in byte order.</summary>
    private static string[] BuildByteMap()
    {
        var map = new string[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            map[b] = ((char)(printable ? b : next++)).ToString();
        }
        return map;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // CLIP's split: special tokens, English contractions, letter runs, single digits, runs of other non-space symbols.
    [GeneratedRegex(@"<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|\p{L}+|\p{N}|[^\s\p{L}\p{N}]+", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
