using Tikiya.Application.Auth;

namespace Tikiya.Application.UnitTests.Auth;

public sealed class PasswordScreeningTests
{
    private Screening.Breaches _breaches = null!;
    private PasswordScreening _screening = null!;

    [SetUp]
    public void CreateScreening() // NUnit shares one instance of the class between its tests: each gets its own service
    {
        _breaches = new Screening.Breaches("purple monkey dishwasher 42");
        _screening = new PasswordScreening(new Screening.ListedPasswords(["password123"]), _breaches);
    }

    [Test]
    public async Task IsTooCommon_ListedPassword_IsTrueWithoutAskingTheBreachService()
    {
        var tooCommon = await _screening.IsTooCommonAsync("password123", CancellationToken.None);

        Assert.That(tooCommon, Is.True);
        Assert.That(_breaches.Asked, Is.Empty);
    }

    [Test]
    public async Task IsTooCommon_BreachedPassword_IsTrue()
    {
        Assert.That(await _screening.IsTooCommonAsync("purple monkey dishwasher 42", CancellationToken.None), Is.True);
    }

    [Test]
    public async Task IsTooCommon_PasswordNeitherListedNorBreached_IsFalseAfterAskingTheBreachService()
    {
        var tooCommon = await _screening.IsTooCommonAsync("correct horse battery", CancellationToken.None);

        Assert.That(tooCommon, Is.False);
        Assert.That(_breaches.Asked, Is.EqualTo(new[] { "correct horse battery" }));
    }
}
