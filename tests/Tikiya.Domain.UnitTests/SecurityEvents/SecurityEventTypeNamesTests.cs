using Tikiya.Domain.SecurityEvents;

namespace Tikiya.Domain.UnitTests.SecurityEvents;

public sealed class SecurityEventTypeNamesTests
{
    [Test]
    public void All_AreApiMdsTypesInOrder()
    {
        var names = SecurityEventTypeNames.All;

        Assert.That(names, Is.EqualTo(new[]
        {
            "registered", "login_succeeded", "login_failed", "login_throttled", "password_changed", "password_reset",
            "email_verified", "email_changed", "mfa_enabled", "mfa_disabled", "session_revoked", "refresh_token_reused",
            "logged_out_everywhere",
        }));
    }

    [Test]
    public void Parse_OfEachName_GivesBackItsType()
    {
        var types = Enum.GetValues<SecurityEventType>();

        Assert.That(types.Select(type => SecurityEventTypeNames.Parse(SecurityEventTypeNames.Of(type))), Is.EqualTo(types));
    }

    [Test]
    public void Parse_OfAnUnknownName_Throws()
    {
        Assert.That(() => SecurityEventTypeNames.Parse("LoginFailed"), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
