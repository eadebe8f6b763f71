using System.Collections;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PoseGen.Web.Hosting;

/// <summary>
/// Checks what data annotations cannot say about a JSON body before the action runs: no null element in a list
/// (<c>"goals": [null]</c>), no enum number outside the enum (<c>"level": -1</c>), no string or list longer than any
/// request needs. Each finding is a 400 validation problem naming the field by its JSON path (<c>goals[0]</c>).
/// </summary>
public sealed class BodyShapeFilter : IAsyncActionFilter, IOrderedFilter
{
    /// <summary>
    /// Longer than any prompt, name or id a request carries (prompts are cut to CLIP's 77 tokens anyway).
    /// </summary>
    public const int MaxStringLength = 4000;

    /// <summary>
    /// More elements than any list a request carries (keypoints: 54 numbers; goals and labels: a dozen).
    /// </summary>
    public const int MaxListLength = 1000;

    private const int MaxDepth = 8;

    /// <summary>
    /// Before [ApiController]'s automatic 400 (order -2000), so both kinds of error come back together.
    /// </summary>
    public int Order => -3000;

    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        foreach (var parameter in context.ActionDescriptor.Parameters)
        {
            if (parameter.BindingInfo?.BindingSource != BindingSource.Body
                || !context.ActionArguments.TryGetValue(parameter.Name, out var value) || value is null)
                continue;
            Check(value, "", context.ModelState, 0);
        }
        if (context.ModelState.IsValid)
            return next();
        var problems = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>();
        context.Result = new BadRequestObjectResult(problems.CreateValidationProblemDetails(
            context.HttpContext, context.ModelState, StatusCodes.Status400BadRequest,
            "The request body is not valid."));
        return Task.CompletedTask;
    }

    private static void Check(object value, string path, ModelStateDictionary errors, int depth)
    {
        switch (value)
        {
            case string text when text.Length > MaxStringLength:
                errors.AddModelError(path, $"At most {MaxStringLength} characters.");
                return;
            case string:
                return;
            case Enum when !Enum.IsDefined(value.GetType(), value):
                var names = Enum.GetNames(value.GetType()).Select(JsonNamingPolicy.CamelCase.ConvertName);
                errors.AddModelError(path,
                    $"Unknown value {Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)}; use " +
                    $"one of: {string.Join(", ", names)}.");
                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    var itemPath = $"{path}[{index}]";
                    if (index == MaxListLength)
                    {
                        errors.AddModelError(path, $"At most {MaxListLength} elements.");
                        return;
                    }
                    if (item is null)
                        errors.AddModelError(itemPath, "Must not be null.");
                    else if (depth < MaxDepth)
                        Check(item, itemPath, errors, depth + 1);
                    index++;
                }
                return;
        }
        var type = value.GetType();
        if (depth >= MaxDepth || type.IsPrimitive || type.Namespace?.StartsWith("PoseGen.", StringComparison.Ordinal)
            != true)
            return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetValue(value) is not { } child)
                continue;
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            Check(child, path.Length == 0 ? name : $"{path}.{name}", errors, depth + 1);
        }
    }
}
