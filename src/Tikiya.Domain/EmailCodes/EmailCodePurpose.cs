namespace Tikiya.Domain.EmailCodes;

/// <summary>What a code proves. Each purpose has its own code, so a reset code cannot verify an address (API.md).</summary>
public enum EmailCodePurpose
{
    VerifyEmail = 1,
    ResetPassword = 2,
    ChangeEmail = 3,
}
