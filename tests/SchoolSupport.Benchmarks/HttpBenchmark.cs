using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SchoolSupport.Web;

namespace SchoolSupport.Benchmarks;

/// <summary>
/// Loopback HTTP load with wrk (50 connections, 2 threads, 15 s each) on a prerendered page and /health, and the server's memory
/// with 200 Blazor circuits open (200 Chromium tabs of one signed-in user). Bounded in time and count; nothing leaves 127.0.0.1.
/// </summary>
internal static partial class HttpBenchmark
{
    public static async Task RunAsync(string connectionString, List<(string, string, string)> table)
    {
        var folder = Path.Combine(Path.GetTempPath(), "schoolsupport-bench-app", Guid.NewGuid().ToString("N")[..8]);
        await using var app = await AppHost.BuildAsync(["--urls=http://127.0.0.1:0", $"--ConnectionStrings:Default={connectionString}", "--Hangfire:Server=false",
            "--DemoData:Seed=true", "--DemoData:LastYear=2025", $"--DataFolder={folder}", $"--LogFolder={folder}/logs", "--Serilog:MinimumLevel:Default=Warning",
            "--Serilog:MinimumLevel:Override:Microsoft.AspNetCore=Warning", "--Serilog:MinimumLevel:Override:Serilog.AspNetCore=Warning"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        foreach (var (path, title) in new[] { ("/account/login", "prerendered login page"), ("/health", "/health") })
        {
            var (rps, p99) = Wrk(address + path);
            table.Add(($"HTTP GET {title}, wrk 50 connections × 15 s: requests/s", rps.ToString("N0", CultureInfo.InvariantCulture), ""));
            table.Add(($"HTTP GET {title}: p99 latency", p99, ""));
        }
        await CircuitsAsync(address, table);
        await app.StopAsync();
    }

    private static (double Rps, string P99) Wrk(string url)
    {
        var wrk = Process.Start(new ProcessStartInfo("wrk", ["-t2", "-c50", "-d15s", "--timeout", "5s", "--latency", url]) { RedirectStandardOutput = true })!;
        var output = wrk.StandardOutput.ReadToEnd();
        wrk.WaitForExit();
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var p99 = Percentile99().Match(output).Groups[1].Value;
        return (rps, p99);
    }

    private static async Task CircuitsAsync(string address, List<(string, string, string)> table)
    {
        const int circuits = 200;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--renderer-process-limit=4", "--disable-site-isolation-trials"],
        });
        var context = await browser.NewContextAsync(new() { BaseURL = address });
        var login = await context.NewPageAsync();
        await login.GotoAsync("/account/login");
        await login.GetByLabel("Электронная почта").FillAsync("operator@demo.local");
        await login.GetByLabel("Пароль").FillAsync("Demo-2026!");
        await login.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await login.WaitForURLAsync(u => !u.Contains("/account/login"));

        var before = ServerMemory();
        var pages = new List<IPage>();
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < circuits && sw.Elapsed < TimeSpan.FromMinutes(5); i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/");
            await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-layout') !== null");
            pages.Add(page);
        }
        await Task.Delay(2000);
        var after = ServerMemory();
        table.Add(($"Server memory with {pages.Count} open Blazor circuits (home page of a signed-in operator)",
            $"{after / 1048576.0:N0} MB working set, {(after - before) / 1048576.0:N0} MB more than before ({(after - before) / 1024.0 / pages.Count:N0} KB per circuit)", ""));
        await context.CloseAsync();
    }

    private static long ServerMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.WorkingSet64;
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"99%\s+(\S+)")]
    private static partial Regex Percentile99();
}
