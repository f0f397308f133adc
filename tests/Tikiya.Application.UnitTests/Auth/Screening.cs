using Tikiya.Application.Auth;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Application.UnitTests.Auth;

/// <summary>A <see cref="PasswordScreening"/> whose common and breached passwords are the test's own.</summary>
internal static class Screening
{
    public static PasswordScreening Of(params string[] commonPasswords) => new(new ListedPasswords(commonPasswords), new Breaches());

    internal sealed class ListedPasswords(string[] passwords) : ICommonPasswordList
    {
        public bool Contains(string password) => passwords.Contains(password, StringComparer.Ordinal);
    }

    /// <summary>The breach service: the passwords it lists, and those it was asked about.</summary>
    internal sealed class Breaches(params string[] breached) : IBreachedPasswordCheck
    {
        public List<string> Asked { get; } = [];

        public ValueTask<bool> IsBreachedAsync(string password, CancellationToken cancellationToken)
        {
            Asked.Add(password);
            return ValueTask.FromResult(breached.Contains(password, StringComparer.Ordinal));
        }
    }
}
