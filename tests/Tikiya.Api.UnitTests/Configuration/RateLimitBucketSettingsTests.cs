using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tikiya.Api.Configuration;
using Tikiya.Api.UnitTests.Infrastructure;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Api.UnitTests.Configuration;

/// <summary>The bucket variables default to AUTH_RATE_LIMIT_PER_MINUTE: the options, the catalogue and the log say so.</summary>
public sealed class RateLimitBucketSettingsTests
{
    private static readonly Dictionary<string, string> Environment = new(ValidEnvironment.Variables)
    {
        ["AUTH_RATE_LIMIT_PER_MINUTE"] = "7",
        ["LOGIN_RATE_LIMIT_PER_MINUTE"] = "", // as env.example lists it
        ["REFRESH_RATE_LIMIT_PER_MINUTE"] = "2",
    };

    [Test]
    public async Task Buckets_UnsetOrEmpty_TakeTheAuthRateAndSetOnesTheirOwn()
    {
        await using var app = UnstartedApp.Build(Environment);

        var buckets = app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value;

        Assert.That((buckets.Login, buckets.Register, buckets.Mail, buckets.Refresh), Is.EqualTo((7, 7, 7, 2)));
    }

    [Test]
    public async Task Catalogue_OfABucket_NamesTheVariableItDefaultsToAndLogsTheValueThatRuns()
    {
        await using var app = UnstartedApp.Build(Environment);

        var login = Setting.Catalogue(app.Services).Single(s => s.Variable == "LOGIN_RATE_LIMIT_PER_MINUTE");

        Assert.That(login.Default, Is.Empty);
        Assert.That(login.DefaultsTo, Is.EqualTo("AUTH_RATE_LIMIT_PER_MINUTE"));
        Assert.That(login.EffectiveValue(app.Services), Is.EqualTo("7"));
    }
}
