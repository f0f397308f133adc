using FluentValidation.TestHelper;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Auth.Register;

namespace Tikiya.Application.UnitTests.Auth.Register;

public sealed class RegisterValidatorTests
{
    private readonly RegisterValidator _validator = new(Screening.Of("password123"));

    [Test]
    public async Task Validate_ValidCommand_HasNoError()
    {
        var result = await _validator.TestValidateAsync(new RegisterCommand("ann@example.com", "correct horse battery"));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not-an-address")]
    [TestCase("ann@example")]
    public async Task Validate_BadEmail_FailsOnEmail(string? email)
    {
        var result = await _validator.TestValidateAsync(new RegisterCommand(email!, "correct horse battery"));

        result.ShouldHaveValidationErrorFor(c => c.Email);
        result.ShouldNotHaveValidationErrorFor(c => c.Password);
    }

    [Test]
    public async Task Validate_EmailOver254CharactersAfterTrim_SaysSo()
    {
        var result = await _validator.TestValidateAsync(new RegisterCommand(new string('a', 243) + "@example.com", "correct horse battery"));

        result.ShouldHaveValidationErrorFor(c => c.Email).WithErrorMessage("Email must be at most 254 characters.");
    }

    [Test]
    public async Task Validate_EmailOf254CharactersWithSpacesAround_Passes()
    {
        var email = "  " + new string('a', 242) + "@example.com  ";

        var result = await _validator.TestValidateAsync(new RegisterCommand(email, "correct horse battery"));

        result.ShouldNotHaveValidationErrorFor(c => c.Email);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("1234567")]
    public async Task Validate_ShortOrMissingPassword_FailsOnPassword(string? password)
    {
        var result = await _validator.TestValidateAsync(new RegisterCommand("ann@example.com", password!));

        result.ShouldHaveValidationErrorFor(c => c.Password);
    }

    [TestCase(8, true)]
    [TestCase(128, true)]
    [TestCase(129, false)]
    public async Task Validate_PasswordLength_AcceptsEightTo128(int length, bool valid)
    {
        var result = await _validator.TestValidateAsync(new RegisterCommand("ann@example.com", new string('p', length)));

        Assert.That(result.IsValid, Is.EqualTo(valid));
    }

    [TestCase("        ", true)] // spaces are characters like any other
    [TestCase("😀😀😀😀😀😀😀", false)] // 7 characters (14 UTF-16 units)
    [TestCase("😀😀😀😀😀😀😀😀", true)]
    public async Task Validate_PasswordLength_CountsCharactersNotUtf16Units(string password, bool valid)
    {
        Assert.That((await _validator.TestValidateAsync(new RegisterCommand("ann@example.com", password))).IsValid, Is.EqualTo(valid));
    }

    [TestCase(128, true)]
    [TestCase(129, false)]
    public async Task Validate_PasswordOfEmoji_AcceptsUpTo128(int count, bool valid)
    {
        var password = string.Concat(Enumerable.Repeat("😀", count));

        Assert.That((await _validator.TestValidateAsync(new RegisterCommand("ann@example.com", password))).IsValid, Is.EqualTo(valid));
    }

    [Test]
    public async Task Validate_CommonPassword_FailsOnPasswordAsTooCommon()
    {
        var result = await _validator.TestValidateAsync(new RegisterCommand("ann@example.com", "password123"));

        result.ShouldHaveValidationErrorFor(c => c.Password).WithErrorCode(ValidationErrorCodes.PasswordTooCommon);
        result.ShouldNotHaveValidationErrorFor(c => c.Email);
    }

    [Test]
    public async Task Validate_CommonPasswordTooShort_FailsOnLengthOnly()
    {
        var validator = new RegisterValidator(Screening.Of("1234567"));

        var result = await validator.TestValidateAsync(new RegisterCommand("ann@example.com", "1234567"));

        Assert.That(result.Errors.Select(e => e.ErrorMessage), Is.EqualTo(new[] { "Password must be between 8 and 128 characters." }));
    }

    [Test]
    public void ToString_NeverShowsThePassword()
    {
        var command = new RegisterCommand("ann@example.com", "correct horse battery");

        Assert.That(command.ToString(), Does.Not.Contain("correct horse battery").And.Not.Contain("ann@example.com"));
    }
}
