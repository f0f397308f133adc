using FluentValidation.TestHelper;
using Tikiya.Application.Auth.Register;

namespace Tikiya.Application.UnitTests.Auth.Register;

public sealed class RegisterValidatorTests
{
    private readonly RegisterValidator _validator = new();

    [Test]
    public void Validate_ValidCommand_HasNoError()
    {
        var result = _validator.TestValidate(new RegisterCommand("ann@example.com", "correct horse battery"));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not-an-address")]
    [TestCase("ann@example")]
    public void Validate_BadEmail_FailsOnEmail(string? email)
    {
        var result = _validator.TestValidate(new RegisterCommand(email!, "correct horse battery"));

        result.ShouldHaveValidationErrorFor(c => c.Email);
        result.ShouldNotHaveValidationErrorFor(c => c.Password);
    }

    [Test]
    public void Validate_EmailOver254CharactersAfterTrim_SaysSo()
    {
        var result = _validator.TestValidate(new RegisterCommand(new string('a', 243) + "@example.com", "correct horse battery"));

        result.ShouldHaveValidationErrorFor(c => c.Email).WithErrorMessage("Email must be at most 254 characters.");
    }

    [Test]
    public void Validate_EmailOf254CharactersWithSpacesAround_Passes()
    {
        var email = "  " + new string('a', 242) + "@example.com  ";

        var result = _validator.TestValidate(new RegisterCommand(email, "correct horse battery"));

        result.ShouldNotHaveValidationErrorFor(c => c.Email);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("1234567")]
    public void Validate_ShortOrMissingPassword_FailsOnPassword(string? password)
    {
        var result = _validator.TestValidate(new RegisterCommand("ann@example.com", password!));

        result.ShouldHaveValidationErrorFor(c => c.Password);
    }

    [TestCase(8, true)]
    [TestCase(128, true)]
    [TestCase(129, false)]
    public void Validate_PasswordLength_AcceptsEightTo128(int length, bool valid)
    {
        var result = _validator.TestValidate(new RegisterCommand("ann@example.com", new string('p', length)));

        Assert.That(result.IsValid, Is.EqualTo(valid));
    }

    [TestCase("        ", true)] // spaces are characters like any other
    [TestCase("😀😀😀😀😀😀😀", false)] // 7 characters (14 UTF-16 units)
    [TestCase("😀😀😀😀😀😀😀😀", true)]
    public void Validate_PasswordLength_CountsCharactersNotUtf16Units(string password, bool valid)
    {
        Assert.That(_validator.TestValidate(new RegisterCommand("ann@example.com", password)).IsValid, Is.EqualTo(valid));
    }

    [TestCase(128, true)]
    [TestCase(129, false)]
    public void Validate_PasswordOfEmoji_AcceptsUpTo128(int count, bool valid)
    {
        var password = string.Concat(Enumerable.Repeat("😀", count));

        Assert.That(_validator.TestValidate(new RegisterCommand("ann@example.com", password)).IsValid, Is.EqualTo(valid));
    }

    [Test]
    public void ToString_NeverShowsThePassword()
    {
        var command = new RegisterCommand("ann@example.com", "correct horse battery");

        Assert.That(command.ToString(), Does.Not.Contain("correct horse battery").And.Not.Contain("ann@example.com"));
    }
}
