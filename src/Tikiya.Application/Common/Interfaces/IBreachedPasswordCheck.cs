namespace Tikiya.Application.Common.Interfaces;

/// <summary>
/// Asks an outside service whether a password appears in known breaches (a Pwned Passwords range API), when one is
/// configured. It fails open: a service that is off, slow or failing answers false, since its outage must not stop
/// anyone from registering or resetting a password; the shipped list still applies.
/// </summary>
public interface IBreachedPasswordCheck
{
    ValueTask<bool> IsBreachedAsync(string password, CancellationToken cancellationToken);
}
