using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Operations;
using Serilog;
using Serilog.Extensions.Logging;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Startup;

/// <summary>
/// <c>--backup &lt;folder&gt;</c> and <c>--restore &lt;folder&gt;</c>: run against the configured database, or the embedded
/// cluster, and the files folder, then exit. The embedded cluster is the running portal's when it runs (a backup beside it),
/// else started for the command and stopped after. The portal itself does not start, so a restore finds the database as
/// empty as it was.
/// </summary>
public static class BackupCommands
{
    /// <summary>The exit code of the command the arguments ask for (0, or 2 when refused), or null when they ask for none.</summary>
    public static async Task<int?> RunIfAskedAsync(string[] args)
    {
        var backup = Array.IndexOf(args, "--backup");
        var restore = Array.IndexOf(args, "--restore");
        if (backup < 0 && restore < 0) return null;
        var option = backup >= 0 ? backup : restore;
        if (backup >= 0 && restore >= 0 || option + 1 >= args.Length || args[option + 1].StartsWith("--", StringComparison.Ordinal))
        {
            Log.Error(Ui.Startup_BackupUsage);
            return 2;
        }
        var folder = args[option + 1];

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(AppHost).Assembly.GetName().Name });
        var (connectionString, cluster) = await DatabaseStartup.ConnectAsync(builder, attachToRunning: true);
        using var loggers = new SerilogLoggerFactory(Log.Logger);
        var log = loggers.CreateLogger(nameof(BackupCommands));
        try
        {
            if (backup >= 0) await BackupCommand.RunAsync(connectionString, DatabaseStartup.FilesFolder(builder), folder, log, TimeProvider.System);
            else await RestoreCommand.RunAsync(folder, connectionString, DatabaseStartup.FilesFolder(builder), log);
            return 0;
        }
        catch (DomainException refused)
        {
            Log.Error("{Refusal}", refused.Message);
            return 2;
        }
        finally
        {
            if (cluster is not null) await cluster.StopAsync();
        }
    }
}
