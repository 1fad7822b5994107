using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Common;

public sealed class SmtpEmailSenderTests
{
    [Fact]
    public async Task A_reminder_reaches_the_configured_smtp_server()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var server = FakeSmtpServer.ReceiveOneAsync(listener, timeout.Token);
            var sender = new SmtpEmailSender(new SmtpOptions("127.0.0.1", port, "portal@test.local"), NullLogger<SmtpEmailSender>.Instance);

            await sender.SendAsync("school@test.local", "Просрочено мероприятие", "Срок мероприятия истёк.", timeout.Token);

            var received = await server;
            received.MailFrom.Should().Contain("portal@test.local");
            received.RcptTo.Should().ContainSingle().Which.Should().Contain("school@test.local");
            received.Data.Should().Contain("school@test.local");
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task An_unreachable_smtp_server_is_logged_not_thrown()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var sender = new SmtpEmailSender(new SmtpOptions("127.0.0.1", port, "portal@test.local"), NullLogger<SmtpEmailSender>.Instance);

        var send = () => sender.SendAsync("school@test.local", "Тема", "Текст", CancellationToken.None);

        await send.Should().NotThrowAsync();
    }

    private sealed record Received(string MailFrom, IReadOnlyList<string> RcptTo, string Data);

    /// <summary>Speaks just enough SMTP to accept one message.</summary>
    private static class FakeSmtpServer
    {
        public static async Task<Received> ReceiveOneAsync(TcpListener listener, CancellationToken ct)
        {
            using var client = await listener.AcceptTcpClientAsync(ct);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 fake.local ESMTP");
            var from = "";
            var rcpt = new List<string>();
            var data = new StringBuilder();
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (command)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 fake.local");
                        break;
                    case "MAIL":
                        from = line;
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        rcpt.Add(line);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        while (await reader.ReadLineAsync(ct) is { } dataLine && dataLine != ".") data.AppendLine(dataLine);
                        await writer.WriteLineAsync("250 OK: queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return new Received(from, rcpt, data.ToString());
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
            return new Received(from, rcpt, data.ToString());
        }
    }
}

/// <summary>The portal configured with an SMTP host (nothing listens there; a send would only be logged).</summary>
public sealed class SmtpConfiguredPortal : PortalFixture
{
    protected override IEnumerable<string> ExtraArgs => ["--Smtp:Host=127.0.0.1", "--Smtp:Port=2525", "--Smtp:From=portal@test.local"];
}

public sealed class SmtpRegistrationTests(SmtpConfiguredPortal portal) : IClassFixture<SmtpConfiguredPortal>
{
    [Fact]
    public void A_configured_smtp_host_replaces_the_in_app_only_sender()
    {
        var sender = portal.Services.GetRequiredService<IEmailSender>();
        sender.Should().BeOfType<SmtpEmailSender>();
    }
}
