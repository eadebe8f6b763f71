using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PoseGen.LineWrap;

/// <summary>
/// A string literal (plain or interpolated, one line, not verbatim or raw) that runs past the limit is split after a
/// space into two literals joined by <c>+</c>: the same string. Only where <c>+</c> cannot change what the literal
/// belongs to (an argument, an initial value, a return, an operand of another <c>+</c> ...).
/// </summary>
internal static class StringSplitting
{
    public static TextChange? Edit(SyntaxTree tree, int line, int width)
    {
        var source = tree.GetText();
        var span = source.Lines[line].Span;
        var root = tree.GetRoot();
        var token = root.FindToken(span.Start + width);
        var literal = token.Parent!.AncestorsAndSelf()
            .FirstOrDefault(n => n is LiteralExpressionSyntax or InterpolatedStringExpressionSyntax)
            as ExpressionSyntax;
        if (literal is null || !SafeToSplit(literal) || literal.Span.End > span.End || literal.SpanStart < span.Start)
            return null;
        var text = literal.ToString();
        var start = literal.SpanStart - span.Start;
        var split = SplitPoint(literal, text, width - start - 3);
        if (split < 0)
            return null;
        // Both halves of an interpolated string stay interpolated: "$"a" + $"b"" still converts to a handler
        // (string.Create, logging) where "$"a" + "b"" would not.
        var (head, tail) = literal is InterpolatedStringExpressionSyntax
            ? (text[..split] + "\"", "$\"" + text[split..])
            : (text[..split] + "\"", "\"" + text[split..]);
        // A literal that begins its line lines up with its other half; one after code on its line goes one level in.
        var indent = literal.SpanStart == span.Start + LineWrapper.Indent(source, line).Length
            ? LineWrapper.Indent(source, line)
            : LineWrapper.ContinuationIndent(tree, source, line, literal.SpanStart + split);
        return new TextChange(literal.Span, head + " +\n" + indent + tail);
    }

    private static bool SafeToSplit(ExpressionSyntax literal)
    {
        if (literal is LiteralExpressionSyntax plain
            && (!plain.Token.IsKind(SyntaxKind.StringLiteralToken) || plain.Token.Text[0] != '"'))
            return false;
        if (literal is InterpolatedStringExpressionSyntax interpolated
            && !interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken))
            return false;
        if (literal.ToString().EndsWith("u8", StringComparison.Ordinal))
            return false;
        // FormattableString.Invariant($"...") takes one interpolated string, not a sum of two.
        if (literal is InterpolatedStringExpressionSyntax && literal.Parent is ArgumentSyntax
            { Parent.Parent: InvocationExpressionSyntax call } && call.Expression.ToString().EndsWith("Invariant",
                StringComparison.Ordinal))
            return false;
        return literal.Parent is ArgumentSyntax or AttributeArgumentSyntax or EqualsValueClauseSyntax
            or ReturnStatementSyntax or YieldStatementSyntax or ArrowExpressionClauseSyntax or ThrowExpressionSyntax
            or SwitchExpressionArmSyntax or ExpressionElementSyntax or InitializerExpressionSyntax
            or AnonymousObjectMemberDeclaratorSyntax
            || literal.Parent is AssignmentExpressionSyntax assignment && assignment.Right == literal
            || literal.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression }
            || literal.Parent is ConditionalExpressionSyntax conditional && conditional.Condition != literal
            || literal.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce
                && coalesce.Right == literal;
    }

    /// <summary>Index in the literal's text after the last space that fits in <paramref name="room"/> characters,
    /// outside interpolation holes and escapes; -1 when none leaves text on both sides.</summary>
    private static int SplitPoint(ExpressionSyntax literal, string text, int room)
    {
        var holes = literal is InterpolatedStringExpressionSyntax interpolated
            ? interpolated.Contents.OfType<InterpolationSyntax>()
                .Select(h => (Start: h.SpanStart - literal.SpanStart, End: h.Span.End - literal.SpanStart)).ToList()
            : [];
        var best = -1;
        for (var i = 2; i < text.Length - 2 && i <= room; i++)
        {
            if (text[i - 1] == ' ' && text[i] != ' ' && text[i - 2] != '\\'
                && !holes.Any(h => i > h.Start && i < h.End))
                best = i;
        }
        return best < 8 ? -1 : best;
    }
}
