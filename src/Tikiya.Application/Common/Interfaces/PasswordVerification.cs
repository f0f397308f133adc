namespace Tikiya.Application.Common.Interfaces;

public enum PasswordVerification
{
    Failed,

    Succeeded,

    /// <summary>The password matches a hash made at a lower cost than the configured one: hash it again now.</summary>
    SucceededRehashNeeded,
}
