namespace Tikiya.Application.Common.Errors;

/// <summary>The password that confirms a change of the account is wrong; answered 400 <c>invalid_current_password</c>.</summary>
public sealed class InvalidCurrentPasswordException() : Exception("The password is not correct.");
