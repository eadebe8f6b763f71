using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.RateLimiting;
using PoseGen.Web.Controllers.Api;
using PoseGen.Web.Contracts.Context;

namespace PoseGen.Web.Tests.Hosting;

/// <summary>
/// What each API action declares with [ProducesResponseType] (and so what the OpenAPI document tells clients) covers
/// what the pipeline around it can answer: a success, 401 behind [Authorize], 429 behind the rate limiter, and for an
/// upload 413 (too large) and 415 (not an image or video, or not multipart).
/// </summary>
public sealed class ApiResponseTypesTests
{
    private static readonly IReadOnlyList<MethodInfo> Actions = typeof(GenerationsApiController).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(GenerationsApiController).Namespace && t.IsSubclassOf(typeof(ControllerBase))
            && !t.IsAbstract)
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => !m.IsSpecialName && m.GetCustomAttribute<NonActionAttribute>() is null)
        .ToList();

    [Fact]
    public void FindsEveryApiActionByItsHttpMethod()
    {
        Assert.NotEmpty(Actions);
        Assert.Empty(Offenders(a => a.GetCustomAttribute<HttpMethodAttribute>() is null));
    }

    [Fact]
    public void EveryActionDeclaresASuccess() =>
        Assert.Empty(Offenders(a => !Declared(a).Any(status => status is >= 200 and < 300)));

    [Fact]
    public void EveryActionBehindAuthorizeDeclares401() =>
        Assert.Empty(Offenders(a => Has<IAuthorizeData>(a) && !Has<IAllowAnonymous>(a)
            && !Declared(a).Contains(StatusCodes.Status401Unauthorized)));

    [Fact]
    public void EveryRateLimitedActionDeclares429() =>
        Assert.Empty(Offenders(a => Has<EnableRateLimitingAttribute>(a) && !Has<DisableRateLimitingAttribute>(a)
            && !Declared(a).Contains(StatusCodes.Status429TooManyRequests)));

    [Fact]
    public void EveryUploadDeclares413And415() =>
        Assert.Empty(Offenders(a => TakesFile(a)
            && !(Declared(a).Contains(StatusCodes.Status413PayloadTooLarge)
                && Declared(a).Contains(StatusCodes.Status415UnsupportedMediaType))));

    private static List<string> Offenders(Func<MethodInfo, bool> offends) =>
        [.. Actions.Where(offends).Select(a => $"{a.DeclaringType!.Name}.{a.Name}")];

    private static HashSet<int> Declared(MethodInfo action) =>
        [.. action.GetCustomAttributes<ProducesResponseTypeAttribute>().Select(a => a.StatusCode)];

    /// <summary>On the action or its controller, as MVC reads them.</summary>
    private static bool Has<T>(MethodInfo action) =>
        action.GetCustomAttributes(inherit: true).OfType<T>().Any()
        || action.DeclaringType!.GetCustomAttributes(inherit: true).OfType<T>().Any();

    /// <summary>A file parameter, or a form class carrying one (<see cref="ContextForm"/>).</summary>
    private static bool TakesFile(MethodInfo action) =>
        action.GetParameters().Any(p => IsFile(p.ParameterType)
            || (p.ParameterType.Namespace?.StartsWith("PoseGen.", StringComparison.Ordinal) == true
                && p.ParameterType.GetProperties().Any(property => IsFile(property.PropertyType))));

    private static bool IsFile(Type type) =>
        typeof(IFormFile).IsAssignableFrom(type) || typeof(IEnumerable<IFormFile>).IsAssignableFrom(type);
}
