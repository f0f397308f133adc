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
            "logged_out_everywhere", "mfa_recovery_code_used", "mfa_recovery_codes_replaced",
        }));
    }

    [Test]
    public void Parse_OfEachName_GivesBackItsType()
    {
        var types = Enum.GetValues<SecurityEventType>();

        Assert.That(types.Select(type => SecurityEventTypeNames.Parse(SecurityEventTypeNames.Of(type))), Is.EqualTo(types));
    }

    [TestCase(SecurityEventType.MfaRecoveryCodeUsed, "mfa_recovery_code_used")]
    [TestCase(SecurityEventType.MfaRecoveryCodesReplaced, "mfa_recovery_codes_replaced")]
    public void Of_ARecoveryCodeEvent_IsItsNameAndParsesBack(SecurityEventType type, string name)
    {
        Assert.That(SecurityEventTypeNames.Of(type), Is.EqualTo(name));
        Assert.That(SecurityEventTypeNames.Parse(name), Is.EqualTo(type));
    }

    [Test]
    public void Parse_OfAnUnknownName_Throws()
    {
        Assert.That(() => SecurityEventTypeNames.Parse("LoginFailed"), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
