using System.Globalization;
using System.Text;
using MimeKit;

namespace Tikiya.Testing.Mail;

/// <summary>
/// What the <see cref="SmtpSink"/> received and refused, shared by its SMTP sessions and the test. A waiter is
/// completed by the session that stores its mail, so nobody polls.
/// </summary>
internal sealed class ReceivedMailLog
{
    private readonly Lock _lock = new();
    private readonly List<ReceivedMail> _received = [];
    private readonly List<SmtpRefusal> _refusals = [];
    private readonly List<string> _faults = [];
    private readonly List<Waiter> _waiters = [];

    public IReadOnlyList<ReceivedMail> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    public IReadOnlyList<SmtpRefusal> Refusals
    {
        get
        {
            lock (_lock)
            {
                return [.. _refusals];
            }
        }
    }

    public void Add(ReceivedMail mail)
    {
        lock (_lock)
        {
            _received.Add(mail);
            // Completions run their continuations elsewhere (RunContinuationsAsynchronously): the test's code never
            // runs under this lock, nor before the session has answered 250.
            _waiters.RemoveAll(waiter => waiter.Offer(mail.Message));
        }
    }

    public void AddRefusal(SmtpRefusal refusal)
    {
        lock (_lock)
        {
            _refusals.Add(refusal);
        }
    }

    /// <summary>A session that failed (a TLS handshake the client gave up, a mail that did not parse): for the diagnosis.</summary>
    public void AddFault(Exception exception)
    {
        lock (_lock)
        {
            _faults.Add($"{exception.GetType().Name}: {exception.Message}");
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _received.Clear();
            _refusals.Clear();
            _faults.Clear();
        }
    }

    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> predicate, TimeSpan timeout, string sinkName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var waiter = new Waiter(predicate);
        lock (_lock)
        {
            // A mail that came before the call counts: the app may have sent it before the test started waiting.
            if (!_received.Any(mail => waiter.Offer(mail.Message)))
            {
                _waiters.Add(waiter);
            }
        }

        try
        {
            return await waiter.Arrival.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            lock (_lock)
            {
                _waiters.Remove(waiter);
            }

            if (waiter.Arrival.Task.IsCompleted)
            {
                return await waiter.Arrival.Task; // it arrived as the time ran out
            }

            if (exception is TimeoutException)
            {
                throw new TimeoutException(Describe(timeout, sinkName), exception);
            }

            throw;
        }
    }

    private string Describe(TimeSpan timeout, string sinkName)
    {
        lock (_lock)
        {
            var description = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
                $"No mail matching the condition reached {sinkName} within {timeout.TotalSeconds:0.###} s."));
            description.Append(CultureInfo.InvariantCulture, $" Received ({_received.Count}):");
            foreach (var mail in _received)
            {
                description.Append(CultureInfo.InvariantCulture,
                    $" [\"{mail.Message.Subject}\" from {mail.Message.From} to {mail.Message.To}]");
            }

            description.Append(CultureInfo.InvariantCulture, $" Refused ({_refusals.Count}):");
            foreach (var refusal in _refusals)
            {
                description.Append(CultureInfo.InvariantCulture, $" [{refusal.Code} {refusal.Command} {refusal.Detail}]");
            }

            if (_faults.Count > 0)
            {
                description.Append(CultureInfo.InvariantCulture, $" Failed sessions: [{string.Join("] [", _faults)}]");
            }

            return description.ToString();
        }
    }

    private sealed class Waiter(Func<MimeMessage, bool> predicate)
    {
        public TaskCompletionSource<MimeMessage> Arrival { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>True when this waiter is done with: the mail matched, or the predicate threw (the test sees why).</summary>
        public bool Offer(MimeMessage message)
        {
            try
            {
                if (!predicate(message))
                {
                    return false;
                }

                Arrival.TrySetResult(message);
            }
            catch (Exception exception)
            {
                Arrival.TrySetException(exception);
            }

            return true;
        }
    }
}
