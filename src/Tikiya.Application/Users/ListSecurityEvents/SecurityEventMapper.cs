using System.Net;
using Riok.Mapperly.Abstractions;
using Tikiya.Domain.SecurityEvents;

namespace Tikiya.Application.Users.ListSecurityEvents;

/// <summary>Generated at compile time; a new <see cref="SecurityEvent"/> member that is not mapped or ignored fails the build.</summary>
[Mapper]
internal static partial class SecurityEventMapper
{
    [MapperIgnoreSource(nameof(SecurityEvent.UserId))] // always the caller's
    public static partial SecurityEventResponse ToResponse(this SecurityEvent securityEvent);

    private static string TypeName(SecurityEventType type) => SecurityEventTypeNames.Of(type);

    private static string? AddressText(IPAddress? address) => address?.ToString();
}
