using System.Text.RegularExpressions;
using PoseGen.Core.Profiles;

namespace PoseGen.Core.Context;

/// <summary>
/// Reads a free-text request into context labels. Steps: lower-case tokens split into clauses (punctuation, "but");
/// longest phrase match against <see cref="PromptLexicon"/> (also with a trailing plural s removed); single words of
/// five or more letters that match nothing are read as a typo of the nearest vocabulary word within one edit (two from
/// eight letters), same first letter, unless they are ordinary words listed in <see cref="PromptLexicon.NotTypos"/>. A
/// negator up to five words before a match in the same clause moves the label to <see cref="PromptContext.Excluded"/>.
/// Several cues for one label combine as 1 - prod(1 - w); a typo counts 0.85 of its word's weight.
/// </summary>
public sealed partial class PromptParser
{
    private const double TypoFactor = 0.85;
    private static readonly HashSet<string> ClauseWords = ["but", "however", "though", "although", "except"];
    private static readonly HashSet<string> FocusCues = ["my", "for", "on", "target", "targeting", "work", "strengthen",
        "stretch", "train", "tone", "build", "focus", "improve", "open", "workout", "exercises", "exercise", "day",
        "strength", "mobility"];
    private readonly Dictionary<string, List<LexiconEntry>> _phrases = [];
    private readonly Dictionary<string, (string? Focus, string? Limitation)> _bodyParts = [];
    private readonly List<string> _typoTargets;
    private readonly int _longest;

    public PromptParser(IEnumerable<LexiconEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var e in entries)
        {
            if (!_phrases.TryGetValue(e.Phrase, out var list)) _phrases[e.Phrase] = list = [];
            list.Add(e);
        }
        foreach (var (phrase, focus, limitation) in PromptLexicon.BodyParts) _bodyParts[phrase] = (focus, limitation);
        _typoTargets = _phrases.Keys.Concat(_bodyParts.Keys).Concat(PromptLexicon.PregnancyWords)
            .Concat(PromptLexicon.FloorWords)
            .Where(p => !p.Contains(' ', StringComparison.Ordinal) && p.Length >= 5).Distinct().ToList();
        _longest = _phrases.Keys.Concat(_bodyParts.Keys).Max(p => p.Split(' ').Length);
    }

    public static PromptParser Default { get; } = new(PromptLexicon.Entries);

    public PromptContext Parse(string? prompt)
    {
        if (string.IsNullOrWhiteSpace(prompt)) return PromptContext.Empty;
        var tokens = Tokenize(prompt);
        var acc = new Accumulator();
        for (var i = 0; i < tokens.Count;)
        {
            var (length, phrase, typoOf) = Match(tokens, i);
            if (length == 0) { i++; continue; }
            var words = string.Join(' ', tokens.Skip(i).Take(length).Select(t => t.Text));
            var evidence = typoOf is null ? words : $"{words} (read as {typoOf})";
            var negator = NegatorBefore(tokens, i);
            var factor = typoOf is null ? 1.0 : TypoFactor;
            if (_bodyParts.TryGetValue(phrase, out var part))
                BodyPart(tokens, i, length, part, evidence, negator, acc);
            else if (PromptLexicon.PregnancyWords.Contains(phrase))
            {
                if (negator is null) acc.Add(ContextDimension.Limitation, "pregnancy", 0.95 * factor, evidence);
            }
            else if (PromptLexicon.FloorWords.Contains(phrase))
            {
                if (negator is not null) acc.NotOnFloor($"{negator} … {evidence}");
            }
            if (_phrases.TryGetValue(phrase, out var entries))
            {
                foreach (var e in entries)
                {
                    if (negator is null) acc.Add(e.Dimension, e.Label, e.Weight * factor, evidence);
                    else acc.Exclude(e.Dimension, e.Label, e.Weight * factor, $"{negator} … {evidence}");
                }
            }
            i += length;
        }
        StandingOnly(tokens, acc);
        return acc.Build(Minutes(prompt), LevelHint(tokens));
    }

    private (int Length, string Phrase, string? TypoOf) Match(List<Token> tokens, int i)
    {
        for (var n = Math.Min(_longest, tokens.Count - i); n >= 1; n--)
        {
            if (tokens[i + n - 1].Clause != tokens[i].Clause) continue;
            var phrase = string.Join(' ', tokens.Skip(i).Take(n).Select(t => t.Text));
            if (Known(phrase)) return (n, phrase, null);
            if (phrase.Length > 3 && phrase.EndsWith('s') && Known(phrase[..^1])) return (n, phrase[..^1], null);
        }
        var word = tokens[i].Text;
        if (word.Length < 5 || PromptLexicon.NotTypos.Contains(word)) return (0, "", null);
        var max = word.Length >= 8 ? 2 : 1;
        var best = _typoTargets.Where(t => t[0] == word[0])
            .Select(t => (Target: t, Distance: TextDistance.Osa(word, t, max)))
            .Where(x => x.Distance <= max).OrderBy(x => x.Distance).ThenBy(x => x.Target, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Target is null ? (0, "", null) : (1, best.Target, best.Target);
    }

    private bool Known(string phrase) => _phrases.ContainsKey(phrase) || _bodyParts.ContainsKey(phrase)
        || PromptLexicon.PregnancyWords.Contains(phrase) || PromptLexicon.FloorWords.Contains(phrase);

    /// <summary>
    /// A body part is a limitation when a pain word is within three words in its clause, otherwise possibly a focus.
    /// </summary>
    private static void BodyPart(List<Token> tokens, int i, int length, (string? Focus, string? Limitation) part,
        string evidence, string? negator, Accumulator acc)
    {
        var window = tokens.Where((t, k) => t.Clause == tokens[i].Clause && k >= i - 3 && k <= i + length + 2
            && (k < i || k >= i + length)).ToList();
        var pain = window.FirstOrDefault(t => PromptLexicon.PainWords.Contains(t.Text));
        if (part.Limitation is not null && pain is not null)
        {
            if (negator is null && !window.Any(t => PromptLexicon.Negators.Contains(t.Text)))
                acc.Add(ContextDimension.Limitation, part.Limitation, 0.9, $"{evidence} {pain.Text}");
            return;
        }
        // Words that can also name a sore spot ("back", "knees") need a focus cue ("for my back"); the others are a
        // focus as they stand.
        if (part.Focus is not null && negator is null && (part.Limitation is null
            || window.Any(t => FocusCues.Contains(t.Text))))
            acc.Add(ContextDimension.BodyFocus, part.Focus, 0.8, evidence);
    }

    private static void StandingOnly(List<Token> tokens, Accumulator acc)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Text is not ("standing" or "stand")) continue;
            var near = tokens.Where((t, k) => Math.Abs(k - i) <= 2 && t.Clause == tokens[i].Clause).Select(t => t.Text)
                .ToList();
            if (near.Contains("only") || near.Contains("stay") || near.Contains("just"))
                acc.NotOnFloor(string.Join(' ', tokens.Skip(Math.Max(0, i - 2)).Take(Math.Min(3, tokens.Count))
                    .Select(t => t.Text)));
        }
    }

    private static string? NegatorBefore(List<Token> tokens, int i)
    {
        for (var k = i - 1; k >= Math.Max(0, i - 5); k--)
        {
            if (tokens[k].Clause != tokens[i].Clause) return null;
            if (PromptLexicon.Negators.Contains(tokens[k].Text)) return tokens[k].Text;
        }
        return null;
    }

    private static int? Minutes(string prompt)
    {
        var text = prompt.ToLowerInvariant();
        var m = MinutesRegex().Match(text);
        if (m.Success) return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var h = HoursRegex().Match(text);
        if (h.Success) return (int)Math.Round(60 * double.Parse(h.Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture));
        if (text.Contains("half an hour", StringComparison.Ordinal)
            || text.Contains("half hour", StringComparison.Ordinal)) return 30;
        if (AnHourRegex().IsMatch(text)) return 60;
        return null;
    }

    private static Level? LevelHint(List<Token> tokens)
    {
        var text = " " + string.Join(' ', tokens.Select(t => t.Text)) + " ";
        if (new[] { " beginner ", " beginners ", " new to ", " first time ", " novice ", " newbie ",
            " never done " }.Any(p => text.Contains(p, StringComparison.Ordinal))) return Level.Beginner;
        if (new[] { " advanced ", " experienced ", " expert " }.Any(p => text.Contains(p, StringComparison.Ordinal)))
            return Level.Advanced;
        if (text.Contains(" intermediate ", StringComparison.Ordinal)) return Level.Intermediate;
        return null;
    }

    private static List<Token> Tokenize(string prompt)
    {
        var tokens = new List<Token>();
        var clause = 0;
        foreach (Match m in TokenRegex().Matches(prompt.ToLowerInvariant()))
        {
            var text = m.Value.Replace('’', '\'');
            if (text.Length == 1 && ",.;:!?()".Contains(text[0], StringComparison.Ordinal)) { clause++; continue; }
            if (ClauseWords.Contains(text)) { clause++; continue; }
            tokens.Add(new Token(text.Replace("-", " ", StringComparison.Ordinal).Trim(), clause));
        }
        // Hyphenated words ("t-shirt", "button-down") match their spaced phrase; split them into separate tokens.
        return tokens.SelectMany(t => t.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => t with { Text = w })).ToList();
    }

    private sealed record Token(string Text, int Clause);

    [GeneratedRegex(@"[\p{L}\p{N}'’-]+|[,.;:!?()]")]
    private static partial Regex TokenRegex();

    [GeneratedRegex(@"(\d{1,3})\s*-?\s*(?:min|mins|minute|minutes)\b")]
    private static partial Regex MinutesRegex();

    [GeneratedRegex(@"(\d{1,2}(?:\.\d)?)\s*-?\s*(?:h|hr|hrs|hour|hours)\b")]
    private static partial Regex HoursRegex();

    [GeneratedRegex(@"\b(?:an|one|1)\s+hour\b")]
    private static partial Regex AnHourRegex();
}
