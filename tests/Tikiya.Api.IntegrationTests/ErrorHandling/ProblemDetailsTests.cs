using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Api.IntegrationTests.ErrorHandling;

public sealed class ProblemDetailsTests : ApiTest
{
    private const string RegisterPath = "/api/v1/auth/register";

    [Test]
    public async Task Get_UnknownRoute_Returns404Problem()
    {
        var response = await Client.GetAsync("/api/v1/nothing-here");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Test]
    public async Task Get_OnPostOnlyRoute_Returns405ProblemWithAllow()
    {
        var response = await Client.GetAsync(RegisterPath);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        Assert.That(response.Content.Headers.Allow, Does.Contain("POST"));
    }

    [TestCase("{\"email\": \"ann@example.com\", \"password\": ")]
    [TestCase("{not json}")]
    [TestCase("[1, 2, 3]")]
    public async Task Post_MalformedJson_Returns400Problem(string json)
    {
        var response = await Client.PostAsync(RegisterPath, new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed_request");
        Assert.That(problem.GetProperty("errors").EnumerateObject(), Is.Not.Empty);
    }

    [Test]
    public async Task Post_EmptyJsonBody_Returns400Problem()
    {
        var response = await Client.PostAsync(RegisterPath, new StringContent("", Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed_request");
        Assert.That(ProblemAssert.Errors(problem, "body"), Is.Not.Empty);
    }

    [Test]
    public async Task Post_EmailWithALoneSurrogate_Returns400NotA500()
    {
        var response = await Client.PostAsync(RegisterPath,
            new StringContent("{\"email\": \"ann\\ud800@example.com\", \"password\": \"correct horse battery\"}", Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed_request"); // the JSON reader refuses it
        Assert.That(ProblemAssert.Errors(problem, "email"), Is.Not.Empty);
    }

    [Test]
    public async Task Post_FieldOfWrongType_Returns400NamingTheField()
    {
        var response = await Client.PostAsync(RegisterPath,
            new StringContent("{\"email\": 42, \"password\": \"correct horse battery\"}", Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed_request");
        Assert.That(ProblemAssert.Errors(problem, "email"), Is.Not.Empty);
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/xml")]
    public async Task Post_WrongContentType_Returns415Problem(string mediaType)
    {
        var response = await Client.PostAsync(RegisterPath,
            new StringContent("{\"email\":\"ann@example.com\",\"password\":\"correct horse battery\"}", Encoding.UTF8, mediaType));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Test]
    public async Task Post_WhenTheServerFails_Returns500ProblemWithoutDetails()
    {
        await using var failing = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IPasswordHasher, FailingPasswordHasher>()));
        using var client = failing.CreateClient();

        var response = await new UserBuilder().RegisterAsync(client);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError, "internal_error");
        Assert.That(problem.ToString(), Does.Not.Contain(FailingPasswordHasher.Message));
    }

    private sealed class FailingPasswordHasher : IPasswordHasher
    {
        public const string Message = "hasher exploded with internal detail";

        public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Message);

        public ValueTask<PasswordVerification> VerifyAsync(string password, string? passwordHash, CancellationToken cancellationToken) =>
            ValueTask.FromResult(PasswordVerification.Failed); // the app's warm-up verifies at start; the register call is the one that fails
    }
}
