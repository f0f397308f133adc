using FluentValidation.TestHelper;
using Tikiya.Application.Auth.Login;

namespace Tikiya.Application.UnitTests.Auth.Login;

public sealed class LoginValidatorTests
{
    private readonly LoginValidator _validator = new();

    [Test]
    public void Validate_ValidCommand_HasNoError()
    {
        _validator.TestValidate(new LoginCommand("ann@example.com", "correct horse battery")).ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Validate_BadEmailAndPassword_FailsOnBoth()
    {
        var result = _validator.TestValidate(new LoginCommand("ann", "short"));

        result.ShouldHaveValidationErrorFor(c => c.Email);
        result.ShouldHaveValidationErrorFor(c => c.Password);
    }

    [Test]
    public void ToString_NeverShowsThePassword()
    {
        Assert.That(new LoginCommand("ann@example.com", "correct horse battery").ToString(), Does.Not.Contain("horse"));
    }
}
