using Microsoft.CodeAnalysis.CSharp;
using PoseGen.LineWrap;

namespace PoseGen.Tools.Tests.LineWrap;

/// <summary>
/// The line wrapper on small hand-written files, at a narrow width so that the examples stay short: where it breaks,
/// how it indents, and that it changes nothing but whitespace (or splits a string into the same string).
/// </summary>
public sealed class LineWrapperTests
{
    [Fact]
    public void AnArgumentListIsPackedOntoAContinuationLineOneLevelIn()
    {
        const string code = """
            class C
            {
                void M()
                {
                    Compare(firstArgument, secondArgument, thirdArgument, fourthArgument, fifthArgument);
                }
            }
            """;

        var left = LineWrapper.Wrap(code, 60, out var wrapped);

        Assert.Empty(left);
        Assert.Contains("""
                    Compare(firstArgument, secondArgument,
                        thirdArgument, fourthArgument, fifthArgument);
            """, wrapped, StringComparison.Ordinal);
        AssertSameTokens(code, wrapped);
    }

    [Fact]
    public void ALineThatContinuesAListKeepsItsIndentWhenItIsBrokenBetweenItems()
    {
        const string code = """
            class C
            {
                int M() => Sum(first,
                    secondArgument, thirdArgument, fourthArgument, fifthArgument, sixth);
            }
            """;

        LineWrapper.Wrap(code, 60, out var wrapped);

        Assert.Contains("""
                    secondArgument, thirdArgument, fourthArgument,
                    fifthArgument, sixth);
            """, wrapped, StringComparison.Ordinal);
        AssertSameTokens(code, wrapped);
    }

    [Fact]
    public void ACommentIsReflowedIntoTheLineThatContinuesItsParagraph()
    {
        const string code = """
            // The first line of this comment is rather longer than the limit allows,
            // and this line continues it.
            class C { }
            """;

        var left = LineWrapper.Wrap(code, 50, out var wrapped);

        Assert.Empty(left);
        Assert.StartsWith("""
            // The first line of this comment is rather longer
            // than the limit allows, and this line continues
            // it.
            """, wrapped, StringComparison.Ordinal);
    }

    [Fact]
    public void AOneLineSummaryTooLongBecomesThreeLines()
    {
        const string code = """
            /// <summary>Says what the class does in more words than fit.</summary>
            class C { }
            """;

        LineWrapper.Wrap(code, 60, out var wrapped);

        Assert.StartsWith("""
            /// <summary>
            /// Says what the class does in more words than fit.
            /// </summary>
            """, wrapped, StringComparison.Ordinal);
    }

    [Fact]
    public void ATrailingCommentMovesAboveItsCode()
    {
        const string code = """
            class C
            {
                int _x = 42; // the answer, for reasons that take a while
            }
            """;

        LineWrapper.Wrap(code, 60, out var wrapped);

        Assert.Contains("""
                // the answer, for reasons that take a while
                int _x = 42;
            """, wrapped, StringComparison.Ordinal);
    }

    [Fact]
    public void AStringTooLongForAnyLineIsSplitIntoTheSameString()
    {
        const string code = """
            class C
            {
                string M(int n) => Describe($"There are {n} people in this photo and all of them are standing up.");
            }
            """;

        var left = LineWrapper.Wrap(code, 60, out var wrapped);

        Assert.Empty(left);
        var literals = CSharpSyntaxTree.ParseText(wrapped).GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InterpolatedStringExpressionSyntax>()
            .Select(s => string.Concat(s.Contents.Select(c => c.ToString()))).ToList();
        Assert.True(literals.Count > 1, wrapped);
        Assert.Equal("There are {n} people in this photo and all of them are standing up.", string.Concat(literals));
    }

    [Fact]
    public void ALineWithNowhereToBreakIsReportedAndLeftAlone()
    {
        const string code = """
            using Some.Very.Long.Namespace.That.Goes.On.And.On.Without.Any.Break;
            class C { }
            """;

        var left = LineWrapper.Wrap(code, 60, out var wrapped);

        Assert.Equal([1], left);
        Assert.Equal(code, wrapped);
    }

    private static void AssertSameTokens(string before, string after) =>
        Assert.Equal(Tokens(before), Tokens(after));

    private static List<string> Tokens(string code) =>
        CSharpSyntaxTree.ParseText(code).GetRoot().DescendantTokens().Select(t => t.Text).ToList();
}
