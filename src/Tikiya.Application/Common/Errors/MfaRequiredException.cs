namespace Tikiya.Application.Common.Errors;

/// <summary>
/// The password was right and the account has its second factor on (API.md v1.1): 401 <c>mfa_required</c>, whose
/// <c>mfaToken</c> extension member is <see cref="MfaToken"/>, for <c>POST auth/login/mfa</c>.
/// </summary>
public sealed class MfaRequiredException(string mfaToken) : Exception("A code from the authenticator app is required.")
{
    public string MfaToken { get; } = mfaToken;
}
