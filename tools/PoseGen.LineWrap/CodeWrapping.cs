using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PoseGen.LineWrap;

/// <summary>
/// A long line of code is broken between two of its tokens, where a person would break it: after a comma or an opening
/// bracket of a list, after <c>=&gt;</c>, before <c>&amp;&amp;</c>, <c>||</c>, <c>??</c>, a pattern's <c>or</c> and
/// <c>and</c> and the parts of a conditional, before the statement of a one-line <c>if</c>,
/// before a member access that follows a call, before other binary operators, after <c>=</c>. Among the places that
/// fit, one in the right half of the line wins, the shallowest first (outer lists before inner ones), then the
/// preferred kind, then the rightmost.
/// </summary>
internal static class CodeWrapping
{
    public static TextChange? Edit(SyntaxTree tree, int line, int width)
    {
        var source = tree.GetText();
        var span = source.Lines[line].Span;
        var indent = LineWrapper.Indent(source, line);
        var tokens = tree.GetRoot().DescendantTokens(span)
            .Where(t => t.SpanStart >= span.Start && t.Span.End <= span.End && !t.IsMissing).ToList();
        var zone = span.Start + indent.Length + (width - indent.Length) / 2;
        var depth = 0;
        (int Position, int Depth, int Rank)? best = null;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var (t, u) = (tokens[i], tokens[i + 1]);
            depth += LineWrapper.Opens(t);
            if (t.Span.End - span.Start > width || !OnlySpaceBetween(t, u) || InsideInterpolation(t))
                continue;
            if (Rank(t, u) is not { } rank)
                continue;
            var candidate = (Position: t.Span.End, Depth: depth, Rank: rank);
            if (best is not { } b || Better(candidate, b, zone))
                best = candidate;
        }
        if (best is not { } chosen)
            return null;
        var next = tokens.First(t => t.SpanStart >= chosen.Position);
        var newIndent = LineWrapper.ContinuationIndent(tree, source, line, chosen.Position);
        return new TextChange(TextSpan.FromBounds(chosen.Position, next.SpanStart), "\n" + newIndent);
    }

    private static bool Better((int Position, int Depth, int Rank) a, (int Position, int Depth, int Rank) b, int zone)
    {
        var (aIn, bIn) = (a.Position >= zone, b.Position >= zone);
        if (aIn != bIn)
            return aIn;
        if (a.Depth != b.Depth)
            return a.Depth < b.Depth;
        if (a.Rank != b.Rank)
            return a.Rank < b.Rank;
        return a.Position > b.Position;
    }

    /// <summary>
    /// How good a break between <paramref name="t"/> and <paramref name="u"/> is (lower is better); null: none.
    /// </summary>
    private static int? Rank(SyntaxToken t, SyntaxToken u)
    {
        if (t.IsKind(SyntaxKind.CommaToken) && t.Parent is not (TypeArgumentListSyntax or TypeParameterListSyntax))
            return 1;
        if (t.Kind() is SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken
            && t.Parent is BaseArgumentListSyntax or BaseParameterListSyntax or AttributeArgumentListSyntax
                or CollectionExpressionSyntax
            && u.Kind() is not (SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken)
            && !OnlyALambdaOrSpread(t.Parent))
            return 1;
        if (t.IsKind(SyntaxKind.EqualsGreaterThanToken))
            return 2;
        if (u.Parent is BinaryExpressionSyntax binary && binary.OperatorToken == u)
            return u.Kind() is SyntaxKind.AmpersandAmpersandToken or SyntaxKind.BarBarToken
                or SyntaxKind.QuestionQuestionToken ? 2 : 3;
        if (u.Parent is BinaryPatternSyntax pattern && pattern.OperatorToken == u)
            return 2;
        // "if (...) return x;" on one line: the statement goes under its condition.
        if (t.IsKind(SyntaxKind.CloseParenToken) && u.Parent is StatementSyntax statement
            && statement.GetFirstToken() == u && statement.Parent is IfStatementSyntax or WhileStatementSyntax
                or ForStatementSyntax or ForEachStatementSyntax or UsingStatementSyntax or LockStatementSyntax)
            return 2;
        if (u.Parent is ConditionalExpressionSyntax conditional
            && (conditional.QuestionToken == u || conditional.ColonToken == u))
            return 2;
        if (u.IsKind(SyntaxKind.DotToken) && u.Parent is MemberAccessExpressionSyntax access
            && access.Expression is InvocationExpressionSyntax or ElementAccessExpressionSyntax)
            return 3;
        if (t.IsKind(SyntaxKind.EqualsToken) && t.Parent is EqualsValueClauseSyntax or AssignmentExpressionSyntax)
            return 4;
        return null;
    }

    /// <summary>"Select(x =&gt; ...)" and "[.. items]" break inside their one element, not before it.</summary>
    private static bool OnlyALambdaOrSpread(SyntaxNode? list) => list switch
    {
        ArgumentListSyntax { Arguments: [{ Expression: LambdaExpressionSyntax }] } => true,
        CollectionExpressionSyntax { Elements: [SpreadElementSyntax] } => true,
        _ => false,
    };

    private static bool OnlySpaceBetween(SyntaxToken t, SyntaxToken u) =>
        t.TrailingTrivia.All(x => x.IsKind(SyntaxKind.WhitespaceTrivia))
        && u.LeadingTrivia.All(x => x.IsKind(SyntaxKind.WhitespaceTrivia));

    private static bool InsideInterpolation(SyntaxToken token) =>
        token.Parent!.AncestorsAndSelf().Any(n => n is InterpolatedStringExpressionSyntax);
}
