using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Tikiya.Application.Common.Errors;

namespace Tikiya.Application.Common.Behaviours;

/// <summary>Runs every validator of the message before its handler; any failure stops it with a 400.</summary>
internal sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        foreach (var validator in validators) // sequential: validators may share the scoped DbContext
        {
            failures.AddRange((await validator.ValidateAsync(message, cancellationToken)).Errors);
        }

        return failures.Count > 0 ? throw new RequestValidationException(failures) : await next(message, cancellationToken);
    }
}
