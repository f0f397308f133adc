using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Auth;

/// <summary>API.md v1.1: login's optional <c>deviceName</c>, trimmed, at most 100 characters, no control character.</summary>
public sealed class LoginDeviceNameTests : ApiTest
{
    [Test]
    public async Task Login_WithDeviceName_StoresItTrimmed()
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        var tokens = await Client.LoginOkFromDeviceAsync("  Ann's phone  ");

        Assert.That((await Client.SessionsOkAsync(tokens.AccessToken)).Single().DeviceName, Is.EqualTo("Ann's phone"));
    }

    [Test]
    public async Task Login_WithBlankDeviceName_StoresNone()
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        await Client.LoginOkFromDeviceAsync("   ");

        Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.DeviceName).SingleAsync()), Is.Null);
    }

    [Test]
    public async Task Login_WithDeviceNameOf100CharactersOnceTrimmed_Succeeds()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var hundred = string.Concat(Enumerable.Repeat("📱", 100)); // 100 characters, 200 UTF-16 code units

        await Client.LoginOkFromDeviceAsync($" {hundred} ");

        Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.DeviceName).SingleAsync()), Is.EqualTo(hundred));
    }

    [Test]
    public async Task Login_WithDeviceNameOver100Characters_Returns400()
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        var response = await Client.LoginFromDeviceAsync(new string('d', 101));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(ProblemAssert.Errors(problem, "deviceName"), Is.Not.Empty);
        Assert.That(await QueryAsync(db => db.Sessions.CountAsync()), Is.Zero);
    }

    // By code point, so that no control character ends up in a test's name (and its report).
    [TestCase(0x00)]
    [TestCase(0x0a)] // a line break inside the name
    [TestCase(0x1b)] // escape, as in a terminal's colour codes
    [TestCase(0x85)] // a C1 control
    public async Task Login_WithControlCharacterInDeviceName_Returns400(int codePoint)
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        var response = await Client.LoginFromDeviceAsync($"Ann{(char)codePoint}phone");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(ProblemAssert.Errors(problem, "deviceName"), Is.Not.Empty);
    }

    [Test]
    public async Task Login_WithNullDeviceName_Succeeds()
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        var response = await Client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = UserBuilder.DefaultEmail, password = UserBuilder.DefaultPassword, deviceName = (string?)null });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
