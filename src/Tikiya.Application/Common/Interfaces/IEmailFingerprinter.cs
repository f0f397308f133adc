using Tikiya.Domain.Users;

namespace Tikiya.Application.Common.Interfaces;

/// <summary>
/// A keyed hash of a normalized email (hex): the throttle's key and, shortened, what logs show instead of the address.
/// Keyed, so a list of candidate addresses cannot be matched against it.
/// </summary>
public interface IEmailFingerprinter
{
    string Fingerprint(Email email);
}
