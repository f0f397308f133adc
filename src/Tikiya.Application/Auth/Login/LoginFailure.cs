namespace Tikiya.Application.Auth.Login;

/// <summary>Why a login failed, for the log only: the client gets one answer for the first two (API.md).</summary>
internal enum LoginFailure
{
    UnknownUser,
    WrongPassword,
    EmailNotVerified,

    /// <summary>The password was right when checked, but a reset, change or deletion committed meanwhile.</summary>
    AccountChanged,
}
