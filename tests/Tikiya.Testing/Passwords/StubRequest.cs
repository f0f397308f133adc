namespace Tikiya.Testing.Passwords;

/// <summary>A request the stub received: the range it asked for and its <c>Add-Padding</c> header.</summary>
public sealed record StubRequest(string Prefix, string AddPadding);
