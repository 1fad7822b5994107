using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SchoolSupport.Tests.Support;

/// <summary>
/// A real SMTP server on 127.0.0.1 and a free port (the <c>SmtpServer</c> package) that keeps every message it receives,
/// parsed by MimeKit. Point the portal at it with <see cref="PortalArgs"/>; wait for a message with <see cref="WaitForAsync"/>.
/// </summary>
public sealed partial class TestMailbox : IAsyncDisposable
{
    public const string From = "portal@test.local";

    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stop = new();
    private SmtpServer.SmtpServer _server = null!;
    private Task _running = Task.CompletedTask;

    public int Port { get; private set; }

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    /// <summary>The portal's command-line settings that send its mail here.</summary>
    public string[] PortalArgs => ["--Smtp:Host=127.0.0.1", $"--Smtp:Port={Port}", $"--Smtp:From={From}"];

    public static async Task<TestMailbox> StartAsync()
    {
        var mailbox = new TestMailbox();
        for (var attempt = 0; ; attempt++)
        {
            mailbox.Port = FreePort();
            var options = new SmtpServerOptionsBuilder().ServerName("mailbox.test.local")
                .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, mailbox.Port))).Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(new Store(mailbox));
            mailbox._server = new SmtpServer.SmtpServer(options, services);
            mailbox._running = mailbox._server.StartAsync(mailbox._stop.Token);
            // The listener binds synchronously inside StartAsync or fails; a port taken in between is retried.
            if (await Listening(mailbox.Port)) return mailbox;
            if (attempt == 5) throw new InvalidOperationException("The test SMTP server did not start.");
        }
    }

    /// <summary>The first message to the address that arrives (or arrived) after <paramref name="skip"/> earlier ones to it; fails after 30 s.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, int skip = 0)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = To(address).Skip(skip).FirstOrDefault();
            if (found is not null) return found;
            try
            {
                await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No e-mail to {address} within 30 s; received: {string.Join(", ", _messages.SelectMany(m => m.To.Mailboxes).Select(m => m.Address))}");
            }
        }
    }

    /// <summary>Waits up to 10 s for a message to the address whose subject or body contains the text; true when one came.</summary>
    public async Task<bool> ReceivedAsync(string address, string text)
    {
        bool Arrived() => To(address).Any(m => (m.Subject + m.TextBody + m.HtmlBody).Contains(text, StringComparison.Ordinal));
        for (var i = 0; i < 100 && !Arrived(); i++) await Task.Delay(100);
        return Arrived();
    }

    /// <summary>Messages received so far for the address.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. _messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>The first link in the message's text whose path starts with <paramref name="pathPrefix"/> (absolute as written in the mail).</summary>
    public static Uri Link(MimeMessage message, string pathPrefix = "/")
    {
        var text = message.TextBody ?? message.HtmlBody ?? "";
        foreach (Match match in LinkPattern().Matches(text))
        {
            var uri = new Uri(WebUtility.HtmlDecode(match.Value));
            if (uri.AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal)) return uri;
        }
        throw new InvalidOperationException($"No link to {pathPrefix} in the message «{message.Subject}»: {text}");
    }

    /// <summary>The link's path and query, to follow with a client whose base address is the portal.</summary>
    public static string RelativeLink(MimeMessage message, string pathPrefix = "/") => Link(message, pathPrefix).PathAndQuery;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }
        catch (TimeoutException)
        {
        }
        _stop.Dispose();
        _arrived.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<bool> Listening(int port)
    {
        for (var i = 0; i < 50; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        return false;
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex LinkPattern();

    private sealed class Store(TestMailbox mailbox) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            mailbox._messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            mailbox._arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}
