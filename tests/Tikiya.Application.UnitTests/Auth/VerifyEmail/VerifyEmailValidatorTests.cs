using FluentValidation.TestHelper;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Auth.ResetPassword;
using Tikiya.Application.Auth.VerifyEmail;

namespace Tikiya.Application.UnitTests.Auth.VerifyEmail;

public sealed class VerifyEmailValidatorTests
{
    private readonly VerifyEmailValidator _validator = new();

    [Test]
    public void Validate_TokenAlone_HasNoError()
    {
        _validator.TestValidate(new VerifyEmailCommand("kQ3vTokenFromTheLink", null, null)).ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Validate_EmailAndCode_HasNoError()
    {
        _validator.TestValidate(new VerifyEmailCommand(null, "ann@example.com", "012345")).ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Validate_TokenWithEmailAndCode_FailsOnTheExtraFields()
    {
        var result = _validator.TestValidate(new VerifyEmailCommand("kQ3v", "ann@example.com", "012345"));

        result.ShouldHaveValidationErrorFor(c => c.Email);
        result.ShouldHaveValidationErrorFor(c => c.Code);
    }

    [Test]
    public void Validate_Nothing_AsksForEmailAndCode()
    {
        var result = _validator.TestValidate(new VerifyEmailCommand(null, null, null));

        result.ShouldHaveValidationErrorFor(c => c.Email);
        result.ShouldHaveValidationErrorFor(c => c.Code);
    }

    [TestCase("12345")]
    [TestCase("1234567")]
    [TestCase("12345a")]
    [TestCase("١٢٣٤٥٦")] // Arabic-Indic digits are digits, but not the ones a mail carries
    public void Validate_CodeNotSixAsciiDigits_Fails(string code)
    {
        _validator.TestValidate(new VerifyEmailCommand(null, "ann@example.com", code)).ShouldHaveValidationErrorFor(c => c.Code);
    }

    [Test]
    public void Validate_OverlongToken_Fails()
    {
        _validator.TestValidate(new VerifyEmailCommand(new string('a', 257), null, null)).ShouldHaveValidationErrorFor(c => c.Token);
    }

    [Test]
    public async Task ResetPassword_ShortNewPassword_FailsOnIt()
    {
        (await new ResetPasswordValidator(Screening.Of()).TestValidateAsync(new ResetPasswordCommand("kQ3v", null, null, "short")))
            .ShouldHaveValidationErrorFor(c => c.NewPassword);
    }

    [Test]
    public async Task ResetPassword_CommonNewPassword_FailsOnItAsTooCommon()
    {
        (await new ResetPasswordValidator(Screening.Of("password123")).TestValidateAsync(new ResetPasswordCommand("kQ3v", null, null, "password123")))
            .ShouldHaveValidationErrorFor(c => c.NewPassword).WithErrorCode(ValidationErrorCodes.PasswordTooCommon);
    }

    [Test]
    public void ToString_NeverShowsTheCodeOrThePassword()
    {
        Assert.That(new ResetPasswordCommand(null, "ann@example.com", "012345", "correct horse battery").ToString(),
            Does.Not.Contain("012345").And.Not.Contain("horse"));
    }
}
