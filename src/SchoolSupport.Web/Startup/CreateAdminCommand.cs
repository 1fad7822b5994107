using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Admin;
using SchoolSupport.Infrastructure.Data;
using Serilog;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Startup;

/// <summary>
/// <c>--create-admin &lt;e-mail&gt; [--name "&lt;ФИО&gt;"] [--region &lt;код&gt; [--region-name "&lt;название&gt;"]]</c>: applies the
/// migrations, creates the first administrator without a password, prints the set-password link and exits without starting
/// the web server. Links point at <c>Portal:PublicUrl</c>. The demo is never seeded by this command.
/// </summary>
public static class CreateAdminCommand
{
    public const string Option = "--create-admin";

    /// <summary>The exit code (0, or 2 when refused) and the link, or null when the arguments do not ask for the command.</summary>
    public static async Task<(int ExitCode, Uri? Link)?> RunIfAskedAsync(string[] args)
    {
        var at = Array.IndexOf(args, Option);
        if (at < 0) return null;
        var email = Value(args, Option);
        if (email is null)
        {
            Log.Error(Ui.Startup_CreateAdminUsage);
            return (2, null);
        }
        var request = new FirstAdmin(email, Value(args, "--name"), Value(args, "--region"), Value(args, "--region-name"));
        // Only configuration keys go to the host; the command's own words would be read as settings otherwise.
        string[] hostArgs = [.. args.Where((a, i) => !IsCommandWord(args, i)), "--DemoData:Seed=false", "--Hangfire:Server=false"];
        await using var app = await AppHost.BuildAsync(hostArgs, prepareDatabase: false);
        try
        {
            await DatabaseStartup.PrepareAsync(app);
            if (string.IsNullOrWhiteSpace(app.Configuration["Portal:PublicUrl"]))
                Log.Warning(Ui.Startup_NoPublicUrl, AppHost.PublicUrl(app.Services, app.Configuration));
            await using var scope = app.Services.CreateAsyncScope();
            var link = await scope.ServiceProvider.GetRequiredService<CreateFirstAdmin>().RunAsync(request);
            Console.WriteLine(string.Format(System.Globalization.CultureInfo.CurrentCulture, Ui.Startup_AdminCreated, email));
            Console.WriteLine(link);
            return (0, link);
        }
        catch (DomainException refused)
        {
            Log.Error("{Refusal}", refused.Message);
            return (2, null);
        }
        finally
        {
            // The host never ran, so its stop hooks do not fire: stop an embedded cluster by hand.
            if (app.Services.GetService<EmbeddedPostgres>() is { } cluster) await cluster.StopAsync();
        }
    }

    private static readonly string[] Words = [Option, "--name", "--region", "--region-name"];

    private static bool IsCommandWord(string[] args, int i) =>
        Words.Contains(args[i]) || (i > 0 && Words.Contains(args[i - 1]) && !args[i].StartsWith("--", StringComparison.Ordinal));

    private static string? Value(string[] args, string option)
    {
        var at = Array.IndexOf(args, option);
        return at >= 0 && at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? args[at + 1] : null;
    }
}
