using Tikiya.Application.Auth.Devices;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Auth.Login;

/// <summary>What a login's email and device token name: the account (null for none) and, if valid, its device.</summary>
internal sealed record LoginAccount(User? User, KnownDevice? Device);
