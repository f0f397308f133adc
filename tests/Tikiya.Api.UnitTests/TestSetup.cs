namespace Tikiya.Api.UnitTests;

/// <summary>Once per run: the API's variables set in a developer's shell (PORT=abc, say) never reach the app tests build.</summary>
[SetUpFixture]
public sealed class TestSetup
{
    [OneTimeSetUp]
    public void ClearEnvironment() =>
        TikiyaVariables.ClearFromThisProcess(); // CreateBuilder reads this process's environment beneath the test's variables
}
