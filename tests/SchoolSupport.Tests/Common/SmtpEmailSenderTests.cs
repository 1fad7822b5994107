using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Common;

public sealed class SmtpEmailSenderTests
{
    [Fact]
    public async Task A_reminder_reaches_the_configured_smtp_server_as_a_utf8_message()
    {
        await using var mailbox = await TestMailbox.StartAsync();
        var sender = new SmtpEmailSender(new SmtpOptions("127.0.0.1", mailbox.Port, "portal@test.local"), NullLogger<SmtpEmailSender>.Instance);

        await sender.SendAsync("school@test.local", "Просрочено мероприятие", "Срок мероприятия истёк: https://portal.test/plans/1", CancellationToken.None);

        var received = await mailbox.WaitForAsync("school@test.local");
        received.From.Mailboxes.Should().ContainSingle().Which.Address.Should().Be("portal@test.local");
        received.Subject.Should().Be("Просрочено мероприятие");
        received.TextBody.Should().Contain("Срок мероприятия истёк");
        TestMailbox.Link(received, "/plans").Should().Be(new Uri("https://portal.test/plans/1"));
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

    [Fact]
    public async Task A_bad_address_is_logged_not_thrown_and_nothing_is_sent()
    {
        await using var mailbox = await TestMailbox.StartAsync();
        var sender = new SmtpEmailSender(new SmtpOptions("127.0.0.1", mailbox.Port, "portal@test.local"), NullLogger<SmtpEmailSender>.Instance);

        var send = () => sender.SendAsync("not an address", "Тема", "Текст", CancellationToken.None);

        await send.Should().NotThrowAsync();
        mailbox.Messages.Should().BeEmpty();
    }
}

/// <summary>The portal with no SMTP host (every other test portal sends to its <see cref="TestMailbox"/>).</summary>
public sealed class NoSmtpPortal : PortalFixture
{
    protected override IEnumerable<string> ExtraArgs => ["--Smtp:Host="];
}

public sealed class SmtpRegistrationTests(NoSmtpPortal portal) : IClassFixture<NoSmtpPortal>
{
    [Fact]
    public void Without_an_smtp_host_only_in_app_notifications_are_sent()
    {
        portal.Services.GetRequiredService<IEmailSender>().Should().BeOfType<NoEmailSender>();
    }

    [Fact]
    public async Task Without_an_smtp_host_the_user_administration_warns_that_invitations_will_not_arrive()
    {
        using var client = await portal.LoginAsync(TestWorld.Email(SchoolSupport.Domain.Common.Roles.Admin));
        (await client.GetStringAsync("/admin/users")).Should().Contain("Отправка почты не настроена");
    }
}
