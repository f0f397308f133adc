using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tikiya.Api.Configuration;
using Tikiya.Api.UnitTests.Infrastructure;

namespace Tikiya.Api.UnitTests.Configuration;

/// <summary>API_DOCS_ENABLED: declared off, on in Development (appsettings.Development.json), the variable above both.</summary>
public sealed class ApiDocsEnabledTests
{
    [TestCase("Production", null, false)]
    [TestCase("Development", null, true)]
    [TestCase("Development", "false", false)]
    [TestCase("Production", "true", true)]
    public async Task Enabled_ByEnvironmentAndVariable_IsAsDocumented(string environmentName, string? variable, bool expected)
    {
        var environment = new Dictionary<string, string>(ValidEnvironment.Variables);
        if (variable is not null)
        {
            environment["API_DOCS_ENABLED"] = variable;
        }

        await using var app = UnstartedApp.Build(environment, environmentName);

        Assert.That(app.Services.GetRequiredService<IOptions<ApiDocsOptions>>().Value.Enabled, Is.EqualTo(expected));
    }
}
