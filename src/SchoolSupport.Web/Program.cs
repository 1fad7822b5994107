using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Web;
using SchoolSupport.Web.Startup;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
try
{
    // Back up or restore (README, «Резервное копирование»), then exit.
    if (await BackupCommands.RunIfAskedAsync(args) is { } exitCode) return exitCode;
    // Create the first administrator of an empty install (README, «Запуск для своего региона»), then exit.
    if (await CreateAdminCommand.RunIfAskedAsync(args) is { } created) return created.ExitCode;
    if (args.Contains("--migrate"))
    {
        // Apply migrations (and seed when configured), then exit: for deployment pipelines.
        await using var migrator = await AppHost.BuildAsync(args, prepareDatabase: false);
        await DatabaseStartup.PrepareAsync(migrator);
        // The host never ran, so its stop hooks do not fire: stop an embedded cluster by hand.
        if (migrator.Services.GetService<SchoolSupport.Infrastructure.Data.EmbeddedPostgres>() is { } cluster) await cluster.StopAsync();
        Log.Information("Migrations applied; exiting because of --migrate");
        return 0;
    }
    await using var app = await AppHost.BuildAsync(args);
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is not HostAbortedException)
{
    Log.Fatal(e, "The portal stopped because of an error");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
