using Mediator;

namespace Tikiya.Application.Accounts.MailRequests;

/// <summary>
/// Run by the background sender: turns pending resend-verification and forgot-password requests into codes and
/// queued mails where there is something to send (an unverified account; an existing account). Returns how many
/// requests it handled.
/// </summary>
public sealed record ExpandMailRequestsCommand : ICommand<int>;
