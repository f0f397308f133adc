using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Tikiya.Api.ErrorHandling;

/// <summary>
/// The 400 for a body that is not the JSON the endpoint expects (malformed, empty, or a field of the wrong type).
/// The serializer's own messages name .NET types and byte offsets, so each field gets a plain sentence and its
/// camelCase name instead of a JSON path (<c>$.email</c> becomes <c>email</c>).
/// </summary>
internal static class InvalidRequestBody
{
    private const string BodyKey = "body";

    public static IActionResult Respond(ActionContext context)
    {
        var errors = new ModelStateDictionary();
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            var field = key.TrimStart('$').TrimStart('.');
            errors.AddModelError(field.Length == 0 ? BodyKey : field, field.Length == 0
                ? "The request body must be a well-formed JSON object."
                : "This field has the wrong type, or the JSON around it is malformed.");
        }

        var factory = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>();
        var problem = factory.CreateValidationProblemDetails(context.HttpContext, errors, StatusCodes.Status400BadRequest,
            title: "The request body is not valid JSON for this endpoint.",
            detail: "Send a JSON object whose fields have the types the API documents.");
        problem.Extensions[ProblemCodes.Member] = ProblemCodes.MalformedRequest; // not validation_failed: no rule ran
        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }
}
