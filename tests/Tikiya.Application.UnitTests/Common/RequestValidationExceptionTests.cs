using FluentValidation.Results;
using Tikiya.Application.Common.Errors;

namespace Tikiya.Application.UnitTests.Common;

public sealed class RequestValidationExceptionTests
{
    [Test]
    public void Errors_GroupsMessagesPerPropertyWithoutRepeats()
    {
        var exception = new RequestValidationException(
        [
            new ValidationFailure("Email", "Email is required."),
            new ValidationFailure("Password", "Too short."),
            new ValidationFailure("Password", "Too short."),
            new ValidationFailure("Password", "Too common."),
        ]);

        Assert.That(exception.Errors["Email"], Is.EqualTo(new[] { "Email is required." }));
        Assert.That(exception.Errors["Password"], Is.EqualTo(new[] { "Too short.", "Too common." }));
    }

    [Test]
    public void SoleErrorCode_WhenEveryFailureHasIt_IsThatCode()
    {
        var exception = new RequestValidationException(
            [new ValidationFailure("Password", "Too common.") { ErrorCode = ValidationErrorCodes.PasswordTooCommon }]);

        Assert.That(exception.SoleErrorCode, Is.EqualTo(ValidationErrorCodes.PasswordTooCommon));
    }

    [Test]
    public void SoleErrorCode_WithAnotherFailureBeside_IsNull()
    {
        var exception = new RequestValidationException(
        [
            new ValidationFailure("Email", "Email is required.") { ErrorCode = "NotEmptyValidator" },
            new ValidationFailure("Password", "Too common.") { ErrorCode = ValidationErrorCodes.PasswordTooCommon },
        ]);

        Assert.That(exception.SoleErrorCode, Is.Null);
    }
}
