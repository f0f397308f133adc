namespace Tikiya.Application.Common.Errors;

/// <summary>
/// The error codes of validation rules that clients branch on (<see cref="RequestValidationException.SoleErrorCode"/>);
/// the API answers each with the problem code of the same name.
/// </summary>
public static class ValidationErrorCodes
{
    public const string PasswordTooCommon = "password_too_common";
}
