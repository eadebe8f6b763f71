using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace PoseGen.LineWrap;

/// <summary>
/// Wraps one file's long lines, one edit at a time: each edit splits a line in two (or moves a trailing comment above
/// its line), after which the file is parsed again and the next long line looked at, the new second line included.
/// </summary>
internal static class LineWrapper
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Preview);

    /// <summary>1-based numbers of the lines longer than <paramref name="width"/>.</summary>
    public static List<int> LongLines(string text, int width) =>
        text.Split('\n').Select((line, i) => (line, i)).Where(l => l.line.Length > width).Select(l => l.i + 1).ToList();

    /// <summary>
    /// The file with its long lines wrapped; returns the lines still too long (1-based, in the result).
    /// </summary>
    public static List<int> Wrap(string text, int width, out string wrapped)
    {
        var from = 0;
        // Each edit shortens a long line; the bound only stops a bug from looping for ever.
        for (var edits = 0; edits < 20_000; edits++)
        {
            var source = SourceText.From(text);
            var index = NextLongLine(source, width, from);
            if (index < 0)
                break;
            var tree = CSharpSyntaxTree.ParseText(source, Parse);
            var edit = CommentWrapping.Edit(tree, source, index, width)
                ?? CodeWrapping.Edit(tree, index, width)
                ?? StringSplitting.Edit(tree, index, width);
            if (edit is not { } change)
            {
                from = index + 1;
                continue;
            }
            text = source.WithChanges(change).ToString();
            from = index;
        }
        wrapped = text;
        return LongLines(text, width);
    }

    private static int NextLongLine(SourceText source, int width, int from)
    {
        for (var i = from; i < source.Lines.Count; i++)
        {
            if (source.Lines[i].Span.Length > width)
                return i;
        }
        return -1;
    }

    /// <summary>The leading spaces of a line.</summary>
    public static string Indent(SourceText source, int line)
    {
        var text = source.Lines[line].ToString();
        return text[..(text.Length - text.TrimStart(' ').Length)];
    }

    /// <summary>
    /// The indentation of a new line that continues <paramref name="line"/> after <paramref name="position"/>: one
    /// level deeper when the break falls inside something that begins on this line (the statement, an argument, a
    /// bracket opened here), the same when it separates things that began before it (the next arguments of a list
    /// already wrapped).
    /// </summary>
    public static string ContinuationIndent(SyntaxTree tree, SourceText source, int line, int position)
    {
        var indent = Indent(source, line);
        var start = source.Lines[line].Start + indent.Length;
        var root = tree.GetRoot();
        var first = root.FindToken(start);
        var deeper = first.Parent!.AncestorsAndSelf()
            .Any(n => n.SpanStart == first.SpanStart && n.Span.End > position && n.Span.Start < position);
        if (!deeper)
        {
            deeper = root.DescendantTokens(TextSpan.FromBounds(start, position))
                .TakeWhile(token => token.SpanStart < position).Sum(Opens) > 0;
        }
        return deeper ? indent + "    " : indent;
    }

    /// <summary>+1 for a bracket that opens, -1 for one that closes, 0 for any other token.</summary>
    public static int Opens(SyntaxToken token) => token.Kind() switch
    {
        SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken => 1,
        SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken or SyntaxKind.CloseBraceToken => -1,
        _ => 0,
    };
}
