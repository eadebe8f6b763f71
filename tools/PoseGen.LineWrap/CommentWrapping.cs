using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace PoseGen.LineWrap;

/// <summary>
/// A long comment line (<c>//</c> or <c>///</c>) is split at the last space that fits, outside XML tags; the words that
/// do not fit move to the start of the next line when that line continues the same paragraph, or onto a new line.
/// List items keep their hanging indent. A comment after code moves onto its own line above the code.
/// </summary>
internal static partial class CommentWrapping
{
    public static TextChange? Edit(SyntaxTree tree, SourceText source, int line, int width)
    {
        var text = source.Lines[line].ToString();
        var indent = LineWrapper.Indent(source, line);
        var body = text[indent.Length..];
        var lineStart = source.Lines[line].Start;
        var root = tree.GetRoot();
        if (body.StartsWith("//", StringComparison.Ordinal))
        {
            var kind = root.FindTrivia(lineStart + indent.Length, findInsideTrivia: true).Kind();
            var isComment = kind is SyntaxKind.SingleLineCommentTrivia
                or SyntaxKind.SingleLineDocumentationCommentTrivia
                || root.FindToken(lineStart + indent.Length, findInsideTrivia: true).Parent is { } p
                && p.AncestorsAndSelf()
                .Any(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.DocumentationCommentTriviaSyntax);
            return isComment ? WrapCommentLine(source, line, width, indent, body) : null;
        }
        var trailing = root.DescendantTrivia(source.Lines[line].Span)
            .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) && t.SpanStart > lineStart + indent.Length)
            .Select(t => t.SpanStart - lineStart).DefaultIfEmpty(-1).First();
        if (trailing < 0)
            return null;
        // "code; // why" -> "// why" on the line above, the code alone.
        var comment = text[trailing..];
        var code = text[..trailing].TrimEnd();
        return new TextChange(source.Lines[line].Span, indent + comment + "\n" + code);
    }

    private static TextChange? WrapCommentLine(SourceText source, int line, int width, string indent, string body)
    {
        var slashes = body.StartsWith("///", StringComparison.Ordinal) ? "///" : "//";
        var prefix = indent + slashes + (body.Length > slashes.Length && body[slashes.Length] == ' ' ? " " : "");
        var words = body[(prefix.Length - indent.Length)..];
        // A one-line summary too long for its line becomes the usual three.
        if (slashes == "///" && words.StartsWith("<summary>", StringComparison.Ordinal)
            && words.EndsWith("</summary>", StringComparison.Ordinal))
        {
            var inner = words["<summary>".Length..^"</summary>".Length].Trim();
            return new TextChange(
                source.Lines[line].Span, prefix + "<summary>\n" + prefix + inner + "\n" + prefix + "</summary>");
        }
        var hang = Hang(words);
        var split = SplitAt(words, width - prefix.Length, xml: slashes == "///");
        if (split <= hang.Length)
            return null;
        var head = words[..split].TrimEnd();
        var tail = words[(split + 1)..].TrimStart();
        var span = source.Lines[line].Span;
        if (line + 1 < source.Lines.Count)
        {
            var next = source.Lines[line + 1].ToString();
            if (next.StartsWith(prefix, StringComparison.Ordinal) && Continues(next[prefix.Length..], hang)
                && !ClosesElement(tail))
            {
                var merged = prefix + hang + tail + " " + next[(prefix.Length + hang.Length)..];
                return new TextChange(
                    TextSpan.FromBounds(span.Start, source.Lines[line + 1].Span.End), prefix + head + "\n" + merged);
            }
        }
        return new TextChange(span, prefix + head + "\n" + prefix + hang + tail);
    }

    /// <summary>
    /// Where a line's words are split: the last space that fits, not inside an XML tag; -1 when none.
    /// </summary>
    private static int SplitAt(string words, int room, bool xml)
    {
        var best = -1;
        var inTag = false;
        for (var i = 0; i < words.Length && i <= room; i++)
        {
            if (xml && words[i] == '<')
                inTag = true;
            else if (xml && words[i] == '>')
                inTag = false;
            else if (words[i] == ' ' && !inTag && i > 0 && words[i - 1] != ' ')
                best = i;
        }
        return best;
    }

    /// <summary>
    /// The hanging indent of a list item ("- ", "1. ") or of an indented line, kept by the lines it wraps onto.
    /// </summary>
    private static string Hang(string words)
    {
        var lead = words.Length - words.TrimStart(' ').Length;
        var match = ListMarker().Match(words[lead..]);
        return new string(' ', lead + (match.Success ? match.Length : 0));
    }

    /// <summary>Whether a comment line continues the paragraph of a line with this hanging indent.</summary>
    private static bool Continues(string words, string hang)
    {
        if (!words.StartsWith(hang, StringComparison.Ordinal))
            return false;
        var rest = words[hang.Length..];
        return rest.Length > 0 && rest[0] != ' ' && !ListMarker().IsMatch(rest) && rest[0] is not ('|' or '#' or '`')
            && !BlockTag().IsMatch(rest) && !rest.StartsWith("http", StringComparison.Ordinal);
    }

    private static bool ClosesElement(string tail) => tail.TrimEnd().EndsWith('>');

    /// <summary>
    /// XML documentation tags that start a block of their own (inline ones, <c>&lt;c&gt;</c> or <c>&lt;see/&gt;</c>,
    /// continue a paragraph).
    /// </summary>
    [GeneratedRegex(@"^</?(summary|remarks|returns|param|typeparam|value|exception|example|code|para|list|item|"
        + @"inheritdoc|seealso)\b")]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"^([-*] |\d+[.)] )")]
    private static partial Regex ListMarker();
}
