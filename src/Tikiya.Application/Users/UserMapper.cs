using Riok.Mapperly.Abstractions;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Users;

/// <summary>Generated at compile time; a new <see cref="User"/> member that is not mapped or ignored fails the build.</summary>
[Mapper]
public static partial class UserMapper
{
    [MapperIgnoreSource(nameof(User.NormalizedEmail)), MapperIgnoreSource(nameof(User.PasswordHash))]
    [MapperIgnoreSource(nameof(User.EmailVerifiedAt))]
    public static partial UserResponse ToResponse(this User user, bool mfaEnabled);

    private static string EmailToString(Email email) => email.Value;
}
