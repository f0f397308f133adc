namespace Tikiya.Application.Common.Interfaces;

/// <summary>
/// The list of common and leaked passwords that a new password must not be in (NIST SP 800-63B §3.1.1.2), held in
/// memory: a lookup costs no I/O.
/// </summary>
public interface ICommonPasswordList
{
    bool Contains(string password);
}
