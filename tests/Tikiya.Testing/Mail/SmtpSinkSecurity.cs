namespace Tikiya.Testing.Mail;

/// <summary>How the <see cref="SmtpSink"/> is reached: the three ways SMTP_URL can ask for.</summary>
public enum SmtpSinkSecurity
{
    /// <summary>Plain text, no STARTTLS offered: <c>smtp://…?disable_starttls=true</c>.</summary>
    Plain,

    /// <summary>STARTTLS offered and required before MAIL FROM: <c>smtp://…?skip_ssl_verify=true</c>.</summary>
    StartTls,

    /// <summary>TLS from the first byte: <c>smtps://…?skip_ssl_verify=true</c>.</summary>
    ImplicitTls,
}
