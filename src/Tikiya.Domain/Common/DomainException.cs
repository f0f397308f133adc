namespace Tikiya.Domain.Common;

/// <summary>A domain rule was broken. Its message is safe to show to a client.</summary>
public class DomainException(string message) : Exception(message);
