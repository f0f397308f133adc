using System.Collections.Frozen;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// The common passwords shipped in the binary (<c>CommonPasswords.txt</c>, made by scripts/common-passwords from
/// @zxcvbn-ts/language-common; docs/api.md says where it comes from and how to update it), read once into a frozen set.
/// The source lower-cased its leaked passwords before counting them, so the lookup ignores case: "Password123" is as
/// common as "password123"; and spaces around it too: "password123 " guesses no harder. (Compatibility forms such as
/// full-width letters are not folded: the API runs with invariant globalization, which has no Unicode normalization.)
/// </summary>
internal sealed class CommonPasswordList : ICommonPasswordList
{
    private readonly FrozenSet<string> _passwords;

    public CommonPasswordList()
        : this(EmbeddedFiles.Read("Security.CommonPasswords.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries))
    {
    }

    internal CommonPasswordList(IEnumerable<string> passwords) =>
        _passwords = passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public int Count => _passwords.Count;

    public bool Contains(string password) => _passwords.Contains(password) || _passwords.Contains(password.Trim());
}
