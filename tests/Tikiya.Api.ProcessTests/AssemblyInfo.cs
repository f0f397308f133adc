// The process tests drive PostgreSQL, nginx and processes the way a Linux server does.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
