using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.DemoData;
using SchoolSupport.Web;

namespace SchoolSupport.Benchmarks;

/// <summary>
/// Issue #18: what the portal holds per open page. Signed-in Chromium pages of the demo operator are held open, all in one
/// browser with a few renderer processes, and the portal's working set and its live managed heap (after full compacting
/// collections) are read at 0 and every tenth of the wanted count of pages (opened four at a time); the figure per page is the least-squares slope. Series: the home page and the
/// registry (static, expected ≈ 0 and no connection to /_blazor) and a published list page (interactive: one circuit each).
/// The portal runs in this process, so the Playwright client's own objects per page count too: the static series shows that
/// floor, and the interactive series is also given net of it. Stylesheets, fonts and images are not fetched (the server's
/// circuits do not depend on them). Bounded in time; implausible figures are refused, not printed.
/// </summary>
internal static class CircuitBenchmark
{
    public static async Task RunAsync(string connectionString, List<(string, string, string)> table, int interactivePages)
    {
        var folder = Path.Combine(Path.GetTempPath(), "schoolsupport-bench-circuits", Guid.NewGuid().ToString("N")[..8]);
        await using var app = await AppHost.BuildAsync(["--urls=http://127.0.0.1:0", $"--ConnectionStrings:Default={connectionString}", "--Hangfire:Server=false",
            "--DemoData:Seed=true", "--DemoData:LastYear=2025", $"--DataFolder={folder}", $"--LogFolder={folder}/logs", "--Serilog:MinimumLevel:Default=Warning",
            "--Serilog:MinimumLevel:Override:Microsoft.AspNetCore=Warning", "--Serilog:MinimumLevel:Override:Serilog.AspNetCore=Warning"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Guid listId;
        await using (var db = app.Services.GetRequiredService<SystemDb>().Create())
        {
            var demo = await db.Regions.IgnoreQueryFilters().Where(r => r.Code == DemoSeeder.DemoRegionCode).Select(r => r.Id).FirstAsync();
            listId = await db.Set<SupportList>().IgnoreQueryFilters().Where(l => l.RegionId == demo && l.Status == ListStatus.Published)
                .OrderByDescending(l => l.Year).Select(l => l.Id).FirstAsync();
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--renderer-process-limit=4", "--disable-site-isolation-trials", "--disable-renderer-backgrounding",
                "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows", "--js-flags=--max-old-space-size=128"],
        });
        var context = await browser.NewContextAsync(new() { BaseURL = address });
        context.SetDefaultTimeout(120_000);
        await context.RouteAsync(url => url.EndsWith(".css", StringComparison.Ordinal) || url.Contains(".css?", StringComparison.Ordinal)
            || url.EndsWith(".svg", StringComparison.Ordinal) || url.EndsWith(".woff2", StringComparison.Ordinal) || url.EndsWith(".png", StringComparison.Ordinal),
            route => route.AbortAsync());
        var sockets = 0;
        context.Page += (_, page) => page.WebSocket += (_, socket) => { if (socket.Url.Contains("/_blazor", StringComparison.Ordinal)) Interlocked.Increment(ref sockets); };
        var login = await context.NewPageAsync();
        await login.GotoAsync("/account/login");
        await login.GetByLabel("Электронная почта").FillAsync("operator@demo.local");
        await login.GetByLabel("Пароль").FillAsync("Demo-2026!");
        await login.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await login.WaitForURLAsync(u => !u.Contains("/account/login"));
        await login.CloseAsync();

        Console.WriteLine($"circuits: load average {LoadAverage()}");
        var home = await SeriesAsync(context, "/", "static", interactivePages, Step(interactivePages), Limit(interactivePages, 360, 0.9));
        var homeSockets = Interlocked.Exchange(ref sockets, 0);
        var registry = await SeriesAsync(context, "/schools", "static", interactivePages, Step(interactivePages), Limit(interactivePages, 360, 0.9));
        var registrySockets = Interlocked.Exchange(ref sockets, 0);
        var list = await SeriesAsync(context, $"/lists/{listId}", "up", interactivePages, Step(interactivePages), Limit(interactivePages, 720, 1.5));
        var listSockets = Interlocked.Exchange(ref sockets, 0);
        await context.CloseAsync();
        await app.StopAsync();

        var floor = Math.Min(home.HeapSlope, registry.HeapSlope);
        table.Add(Static("home page /", home, homeSockets));
        table.Add(Static("registry /schools", registry, registrySockets));
        var refusal = home.Refusal ?? registry.Refusal ?? list.Refusal
            ?? (listSockets < list.Opened ? $"only {listSockets} of {list.Opened} list pages opened a circuit" : null)
            ?? HttpBenchmark.CircuitFigureRefusal(list.Opened, list.Opened, list.HeapSlope / 1024);
        table.Add(($"Open interactive page (published list /lists/{{id}}, one circuit each), {Points(list)} pages: per page RSS / live heap (least squares)",
            refusal is not null ? $"not measured: {refusal}"
                : $"{Kb(list.RssSlope)} RSS / {Kb(list.HeapSlope)} live heap; net of the client's own objects (static-page floor) {Kb(list.HeapSlope - floor)}; "
                  + $"at {list.Opened} pages {list.Points[^1].Rss / 1048576.0:N0} MB RSS, live heap +{(list.Points[^1].Heap - list.Points[0].Heap) / 1048576.0:N0} MB"
                  + (list.Opened < interactivePages ? $" (only {list.Opened} of {interactivePages} pages fitted in the time limit)" : ""),
            "where a circuit is needed: ≤ 300 KB (home), ≤ 600 KB (registry) live heap"));
    }

    private static (string, string, string) Static(string title, Series s, int sockets) =>
        ($"Open static page ({title}), {Points(s)} pages: connections to /_blazor; per page RSS / live heap (least squares)",
            s.Refusal is not null ? $"not measured: {s.Refusal}"
            : sockets > 0 ? $"not measured: {sockets} of {s.Opened} pages opened a circuit"
            : $"0 circuits; {Kb(s.RssSlope)} RSS / {Kb(s.HeapSlope)} live heap (the Playwright client's own objects in this process included)",
            "no circuit");

    private static string Points(Series s) => string.Join("/", s.Points.Select(p => p.Pages));

    private static string Kb(double bytes) => $"{bytes / 1024:N0} KB";

    internal sealed record Point(int Pages, long Rss, long Heap);

    internal sealed record Series(int Opened, List<Point> Points, double RssSlope, double HeapSlope, string? Refusal);

    private const int Parallel = 4;

    /// <summary>Memory is read every tenth of the wanted pages (a multiple of the pages opened at once), so 200 and 1,000 are points.</summary>
    private static int Step(int wanted) => Math.Max(20, wanted / 10 / Parallel * Parallel);

    /// <summary>A series stops after this long even if not all its pages opened: a floor in seconds, or so many seconds a page.</summary>
    private static TimeSpan Limit(int wanted, int floorSeconds, double secondsPerPage) => TimeSpan.FromSeconds(Math.Max(floorSeconds, wanted * secondsPerPage));

    /// <summary>Opens up to <paramref name="wanted"/> pages of one address, reading memory at 0 and every <paramref name="step"/> pages; closes them after.</summary>
    private static async Task<Series> SeriesAsync(IBrowserContext context, string path, string circuit, int wanted, int step, TimeSpan limit)
    {
        var pages = new List<IPage>();
        var points = new List<Point> { Measure(0) };
        var sw = Stopwatch.StartNew();
        string? refusal = null;
        try
        {
            while (pages.Count < wanted && sw.Elapsed < limit)
            {
                // Four pages at a time (a step is a multiple of four), as four people opening them at once would.
                var opening = await Task.WhenAll(Enumerable.Range(0, Math.Min(Parallel, wanted - pages.Count)).Select(async _ =>
                {
                    var page = await context.NewPageAsync();
                    await page.GotoAsync(path);
                    await page.Locator($"[data-circuit={circuit}]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                    return page;
                }));
                pages.AddRange(opening);
                if (pages.Count % step == 0)
                {
                    await Task.Delay(3000);
                    points.Add(Measure(pages.Count));
                    Console.WriteLine($"circuits: {path} {pages.Count} pages in {sw.Elapsed.TotalSeconds:N0} s, RSS {points[^1].Rss / 1048576.0:N0} MB, heap {points[^1].Heap / 1048576.0:N0} MB, load {LoadAverage()}");
                }
            }
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            Console.WriteLine($"circuits: {path} stopped at {pages.Count} pages: {e.Message.Split('\n')[0]}");
        }
        if (points.Count < 2) refusal = $"{path}: only {pages.Count} pages opened (fewer than {step}) before the limit or a browser error";
        var opened = points[^1].Pages;
        foreach (var page in pages) await page.CloseAsync();
        await Task.Delay(2000);
        return new Series(opened, points, Slope(points, p => p.Rss), Slope(points, p => p.Heap), refusal);
    }

    /// <summary>Least-squares slope of the figure over the number of pages, in bytes per page.</summary>
    internal static double Slope(IReadOnlyList<Point> points, Func<Point, long> figure)
    {
        var n = points.Count;
        var meanX = points.Average(p => (double)p.Pages);
        var meanY = points.Average(p => (double)figure(p));
        var sxx = points.Sum(p => (p.Pages - meanX) * (p.Pages - meanX));
        return n < 2 || sxx == 0 ? double.NaN : points.Sum(p => (p.Pages - meanX) * (figure(p) - meanY)) / sxx;
    }

    /// <summary>The process's working set and its live managed heap after full, compacting, blocking collections.</summary>
    private static Point Measure(int pages)
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        // Aggressive: the collection also gives freed memory back to the system, so the working set does not carry what the demo's
        // seeding once used (without it the first points fell by hundreds of MB and the RSS slope came out negative).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return new Point(pages, self.WorkingSet64, heap);
    }

    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return "?"; }
    }
}
