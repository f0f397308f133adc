namespace Tikiya.Application.Auth.Sessions;

/// <summary>A session just added to the login's unit of work: its id (for the log) and the tokens of the answer.</summary>
internal sealed record OpenedSession(Guid Id, TokensResponse Tokens);
