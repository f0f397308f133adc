using FluentValidation.TestHelper;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.UnitTests.Auth;
using Tikiya.Application.Users.ChangePassword;

namespace Tikiya.Application.UnitTests.Users.ChangePassword;

public sealed class ChangePasswordValidatorTests
{
    private readonly ChangePasswordValidator _validator = new(Screening.Of("password123"));

    [Test]
    public async Task Validate_CommonNewPassword_FailsOnNewPasswordAsTooCommon()
    {
        var result = await _validator.TestValidateAsync(new ChangePasswordCommand("correct horse battery", "password123"));

        result.ShouldHaveValidationErrorFor(c => c.NewPassword).WithErrorCode(ValidationErrorCodes.PasswordTooCommon);
        result.ShouldNotHaveValidationErrorFor(c => c.CurrentPassword);
    }

    [Test]
    public async Task Validate_CommonCurrentPassword_Passes()
    {
        var result = await _validator.TestValidateAsync(new ChangePasswordCommand("password123", "correct horse battery"));

        result.ShouldNotHaveAnyValidationErrors(); // an account that has one must be able to leave it
    }
}
