using FluentValidation.TestHelper;
using Tikiya.Application.Auth.Logout;
using Tikiya.Application.Auth.Refresh;

namespace Tikiya.Application.UnitTests.Auth.Refresh;

public sealed class RefreshValidatorTests
{
    [TestCase(null, false)]
    [TestCase("", false)]
    [TestCase("abc", true)]
    [TestCase(256, true)]
    [TestCase(257, false)]
    public void Validate_RefreshAndLogout_BoundTheToken(object? token, bool valid)
    {
        var value = token is int length ? new string('a', length) : (string?)token;

        Assert.That(new RefreshValidator().TestValidate(new RefreshCommand(value!)).IsValid, Is.EqualTo(valid));
        Assert.That(new LogoutValidator().TestValidate(new LogoutCommand(value!)).IsValid, Is.EqualTo(valid));
    }

    [Test]
    public void ToString_NeverShowsTheToken()
    {
        Assert.That(new RefreshCommand("secret-token").ToString(), Does.Not.Contain("secret-token"));
        Assert.That(new LogoutCommand("secret-token").ToString(), Does.Not.Contain("secret-token"));
    }
}
