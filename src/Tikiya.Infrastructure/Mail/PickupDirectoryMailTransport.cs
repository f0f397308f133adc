using MimeKit;

namespace Tikiya.Infrastructure.Mail;

/// <summary>
/// MAIL_PICKUP_DIR: each mail becomes an .eml file there, written under a temporary name and then renamed, so a
/// reader (a person, or an MTA's pickup) never sees half a mail.
/// </summary>
internal sealed class PickupDirectoryMailTransport(string directory) : IMailTransport
{
    public Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        return Task.FromResult<IMailConnection>(new Connection(directory));
    }

    private sealed class Connection(string directory) : IMailConnection
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            var name = $"{message.Date.UtcDateTime:yyyyMMdd'T'HHmmss}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}";
            var temporary = Path.Combine(directory, $".{name}.tmp");
            // Readable by the API's user only: the file holds a code in clear.
            var owner = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                owner.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var file = new FileStream(temporary, owner))
            {
                await message.WriteToAsync(file, cancellationToken);
            }

            File.Move(temporary, Path.Combine(directory, $"{name}.eml"), overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
