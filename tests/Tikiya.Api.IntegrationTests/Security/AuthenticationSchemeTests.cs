using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Tikiya.Api.IntegrationTests.Security;

/// <summary>
/// The app in memory runs with the binary's runtime switches (src/Tikiya.Api/AppContextSwitches.props), so it has no
/// default scheme either: only [Authorize] endpoints read the bearer token. The binary: DatabaseOutageTests.
/// </summary>
public sealed class AuthenticationSchemeTests
{
    [Test]
    public async Task DefaultAuthenticateScheme_WithTheBinarysSwitches_IsNone()
    {
        var schemes = TestSetup.Factory.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.That(await schemes.GetDefaultAuthenticateSchemeAsync(), Is.Null);
    }
}
