using System.Net;

namespace Tikiya.Api.ProcessTests.Infrastructure;

/// <summary>What <see cref="RawHttp"/> read: the status, and the whole answer as text (status line, headers, body).</summary>
public sealed record RawResponse(HttpStatusCode Status, string Text);
