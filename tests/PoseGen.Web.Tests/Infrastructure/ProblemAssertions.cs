using System.Net;

namespace PoseGen.Web.Tests.Infrastructure;

internal static class ProblemAssertions
{
    // JSON endpoints answer RFC 7807 problem details for every failure: the status and the problem media type, never an
    // HTML error page or a redirect to the sign-in form.
    public static void AssertProblem(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
