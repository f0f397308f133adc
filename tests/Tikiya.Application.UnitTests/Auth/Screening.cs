using Tikiya.Application.Auth;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Application.UnitTests.Auth;

/// <summary>A <see cref="PasswordScreening"/> whose common passwords are the test's own.</summary>
internal static class Screening
{
    public static PasswordScreening Of(params string[] commonPasswords) => new(new ListedPasswords(commonPasswords));

    private sealed class ListedPasswords(string[] passwords) : ICommonPasswordList
    {
        public bool Contains(string password) => passwords.Contains(password, StringComparer.Ordinal);
    }
}
