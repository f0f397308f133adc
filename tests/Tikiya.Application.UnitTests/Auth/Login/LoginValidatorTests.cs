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

    [TestCase(null)]
    [TestCase("Ann's phone")]
    [TestCase("   ")] // blank: stored as none
    public void Validate_AcceptableDeviceName_HasNoError(string? deviceName)
    {
        _validator.TestValidate(new LoginCommand("ann@example.com", "correct horse battery", deviceName))
            .ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Validate_DeviceNameOf100CodePointsOnceTrimmed_HasNoError()
    {
        var deviceName = "  " + string.Concat(Enumerable.Repeat("😀", 100)) + "  ";

        _validator.TestValidate(new LoginCommand("ann@example.com", "correct horse battery", deviceName))
            .ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Validate_DeviceNameWithAnEmojiSequence_HasNoError()
    {
        // A zero-width joiner is a format character people's device names carry; only the bidi controls are refused.
        _validator.TestValidate(new LoginCommand("ann@example.com", "correct horse battery", "Ann's \U0001F469\u200D\U0001F4BB laptop"))
            .ShouldNotHaveAnyValidationErrors();
    }

    [TestCase(101)]
    [TestCase(1000)]
    public void Validate_OverlongDeviceName_FailsOnIt(int length)
    {
        var result = _validator.TestValidate(new LoginCommand("ann@example.com", "correct horse battery", new string('d', length)));

        result.ShouldHaveValidationErrorFor(c => c.DeviceName);
    }

    // By code point, so that no control character ends up in a test's name (and its report).
    [TestCase(0x00)]
    [TestCase(0x09)] // a tab
    [TestCase(0x1b)] // escape, as in a terminal's colour codes
    [TestCase(0x7f)]
    [TestCase(0x85)] // a C1 control
    [TestCase(0x202E)] // right-to-left override
    [TestCase(0x2066)] // left-to-right isolate
    public void Validate_DeviceNameWithControlCharacter_FailsOnIt(int codePoint)
    {
        var deviceName = $"Ann{(char)codePoint}phone";

        var result = _validator.TestValidate(new LoginCommand("ann@example.com", "correct horse battery", deviceName));

        result.ShouldHaveValidationErrorFor(c => c.DeviceName);
    }

    [Test]
    public void ToString_NeverShowsThePassword()
    {
        Assert.That(new LoginCommand("ann@example.com", "correct horse battery").ToString(), Does.Not.Contain("horse"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("Zc3uV0a9QkT7mWb2xLr5nYe8pDs1hGi4oFj6tKq0wAe")]
    public void Validate_AcceptableDeviceToken_HasNoError(string? deviceToken)
    {
        _validator.TestValidate(new LoginCommand("ann@example.com", "correct horse battery", DeviceToken: deviceToken))
            .ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Validate_DeviceTokenLongerThanAnyOfOurs_FailsOnIt()
    {
        var deviceToken = new string('a', LoginValidator.MaxDeviceTokenLength + 1);

        _validator.TestValidate(new LoginCommand("ann@example.com", "correct horse battery", DeviceToken: deviceToken))
            .ShouldHaveValidationErrorFor(c => c.DeviceToken);
    }
}
