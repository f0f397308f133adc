using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Api.IntegrationTests.ErrorHandling;

/// <summary>
/// The answers API.md v1.1 gives the account flows' failures, checked through HTTP before those flows exist: register
/// runs with a hasher that throws the failure, so it reaches the one exception handler as a flow's would.
/// </summary>
public sealed class AccountFlowErrorTests : ApiTest
{
    private static IEnumerable<TestCaseData> Failures()
    {
        yield return new TestCaseData(new InvalidOrExpiredCodeException(), HttpStatusCode.BadRequest, "invalid_or_expired_code")
            .SetName("Request_FailingWithInvalidOrExpiredCode_Returns400InvalidOrExpiredCode");
        yield return new TestCaseData(new InvalidCurrentPasswordException(), HttpStatusCode.BadRequest, "invalid_current_password")
            .SetName("Request_FailingWithInvalidCurrentPassword_Returns400InvalidCurrentPassword");
        yield return new TestCaseData(new EmailNotVerifiedException(), HttpStatusCode.Forbidden, "email_not_verified")
            .SetName("Request_FailingWithEmailNotVerified_Returns403EmailNotVerified");
        yield return new TestCaseData(new TooManyRequestsException(TimeSpan.FromSeconds(42)), HttpStatusCode.TooManyRequests,
            "rate_limited").SetName("Request_FailingWithTooManyRequests_Returns429RateLimited");
    }

    [TestCaseSource(nameof(Failures))]
    public async Task Request_FailingWithAnAccountFlowError_ReturnsItsStatusAndCode(Exception failure, HttpStatusCode status,
        string code)
    {
        await using var app = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IPasswordHasher>(new ThrowingPasswordHasher(failure))));
        using var client = app.CreateClient();

        var response = await new UserBuilder().RegisterAsync(client);

        await ProblemAssert.IsProblemAsync(response, status, code);
    }

    [Test]
    public async Task Request_FailingWithTooManyRequests_SendsItsRetryAfter()
    {
        await using var app = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IPasswordHasher>(new ThrowingPasswordHasher(new TooManyRequestsException(TimeSpan.FromSeconds(42))))));
        using var client = app.CreateClient();

        var response = await new UserBuilder().RegisterAsync(client);

        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(42)));
    }

    private sealed class ThrowingPasswordHasher(Exception failure) : IPasswordHasher
    {
        public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) => throw failure;

        public ValueTask<PasswordVerification> VerifyAsync(string password, string? passwordHash, CancellationToken cancellationToken) =>
            ValueTask.FromResult(PasswordVerification.Failed); // the app's warm-up verifies at start; the register call is the one that fails
    }
}
