using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Infrastructure.UnitTests.Security;

/// <summary>
/// The issuer's tokens satisfy the contract's validation parameters (which the bearer setup uses), and its lifetime
/// rule reads the injected clock. Each rejection (algorithm, issuer, audience, signature) is tested over HTTP in MeTests.
/// </summary>
public sealed class JwtContractTests
{
    private static readonly Guid UserId = Guid.Parse("019b7a3c-1d2e-7f00-8a1b-2c3d4e5f6071");
    private static readonly Guid SessionId = Guid.Parse("019b7a3c-1d2e-7f00-8a1b-2c3d4e5f6072");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly IOptions<JwtOptions> _options = Microsoft.Extensions.Options.Options.Create(
        new JwtOptions { Secret = "jwt-contract-tests-secret-of-32-bytes+" });

    [Test]
    public async Task CreateValidationParameters_AcceptTheIssuersToken()
    {
        var contract = Contract();
        var token = Issue(contract);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, contract.CreateValidationParameters());

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
        Assert.That(result.ClaimsIdentity.Name, Is.EqualTo(UserId.ToString()), "the name claim is sub");
    }

    [Test]
    public async Task CreateValidationParameters_PastExpiryAndSkewOnTheInjectedClock_RejectTheToken()
    {
        var contract = Contract();
        var token = Issue(contract);
        _clock.Advance(TimeSpan.FromSeconds(_options.Value.AccessTokenTtlSecs) + TimeSpan.FromSeconds(31)); // 30 s skew

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, contract.CreateValidationParameters());

        Assert.That(result.IsValid, Is.False);
    }

    private JwtContract Contract() => new(_options, _clock);

    private string Issue(JwtContract contract) =>
        new JwtTokenIssuer(_options, contract)
            .Issue(UserId, SessionId, secondFactor: false, "refresh-token", _clock.GetUtcNow()).AccessToken;
}
