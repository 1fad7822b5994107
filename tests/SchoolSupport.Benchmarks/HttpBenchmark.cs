using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.DemoData;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Web;

namespace SchoolSupport.Benchmarks;

/// <summary>
/// Loopback HTTP load with wrk (50 connections, 2 threads, 15 s each after 5 s not counted; signed-in pages after a warm-up pass over all of them) on a prerendered page, /health and signed-in pages (memory per
/// open page: <see cref="CircuitBenchmark"/>). Bounded in time and count; nothing leaves 127.0.0.1.
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
            var result = Wrk(address + path);
            table.Add(($"HTTP GET {title}, wrk 2 threads × 50 connections × 15 s (after 5 s of warm-up): requests/s", result.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture)
                + (result.Errors.Length > 0 ? $" ({result.Errors})" : ""), ""));
            table.Add(($"HTTP GET {title}: latency p50 / p90 / p99", $"{result.P50} / {result.P90} / {result.P99}", ""));
            Console.WriteLine($"{title}: {result}");
        }
        await SignedInPagesAsync(app.Services, address, table);
        // Memory per open page (circuits) is measured by `--only circuits` (CircuitBenchmark).
        await app.StopAsync();
    }

    /// <summary>
    /// Prerendered pages for a signed-in user under the same wrk load, beside a static file served by the same Kestrel in the
    /// same run (the ratio is what compares across machines): the registry of a 45,000-school region, the demo's published
    /// list, the ministry dashboard and a school programme. Each page is fetched once first and must answer 200 with its h1.
    /// </summary>
    private static async Task SignedInPagesAsync(IServiceProvider services, string address, List<(string, string, string)> table)
    {
        var system = services.GetRequiredService<SystemDb>();
        var big = new DemoDataGenerator(seed: 11).Generate("BIGW", "Крупный регион (нагрузка)", municipalities: 85, schools: 45_000, lastYear: 2025, years: 1);
        big.Results.Clear();
        Guid listId, planId;
        int entries;
        await using (var db = system.Create())
        {
            await DemoDataWriter.WriteAsync(db, big, CancellationToken.None);
            await db.Database.ExecuteSqlRawAsync("analyze");
            var list = await db.Set<SupportList>().IgnoreQueryFilters().Where(l => l.Status == ListStatus.Published)
                .OrderByDescending(l => l.Year).Select(l => new { l.Id, Entries = l.Entries.Count }).FirstAsync();
            (listId, entries) = (list.Id, list.Entries);
            planId = await db.Plans.IgnoreQueryFilters().Where(p => p.Kind == PlanKind.TransitionProgramme && p.Status == PlanStatus.InProgress)
                .Select(p => p.Id).FirstAsync();
        }
        using (var scope = services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser
            {
                Id = Guid.NewGuid(), UserName = "operator@bigw.local", Email = "operator@bigw.local", EmailConfirmed = true, FullName = "Оператор нагрузочного региона",
                RegionId = big.Region.Id, CreatedAt = DateTimeOffset.UtcNow, LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user, "Bench-2026!");
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, Roles.Operator);
        }
        var staticFile = Wrk(address + "/app.css");
        table.Add(("Static file (/app.css) from the same Kestrel, same load: requests/s, p50 / p99",
            $"{staticFile.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture)}, {staticFile.P50} / {staticFile.P99}", ""));
        (string Path, string Email, string Password, string Title)[] pages =
        [
            ("/notifications", "operator@bigw.local", "Bench-2026!", "floor: the lightest signed-in page (layout, menu, an empty notification list), operator"),
            ("/schools", "operator@bigw.local", "Bench-2026!", "registry /schools, 45,000 schools, operator"),
            ($"/lists/{listId}", "operator@demo.local", "Demo-2026!", $"published list, {entries} entries, operator"),
            ("/monitoring/dashboard", "ministry@demo.local", "Demo-2026!", "ministry dashboard"),
            ($"/roadmaps/{planId}", "operator@demo.local", "Demo-2026!", "school programme under way, operator"),
        ];
        // A portal that has run for a while: every page under the same load for WarmUp first, not counted. Tiered compilation
        // recompiles some 35,000 methods of a cold process (counted with DOTNET_JitStdOutFile); on two busy cores the list page
        // still gained for a minute and a half (40 → 73 requests/s), so a page measured right after the one before it measured
        // mostly the JIT.
        foreach (var (path, email, password, _) in pages)
        {
            Run(address + path, await CookieAsync(address, email, password), WarmUp);
        }
        foreach (var (path, email, password, title) in pages)
        {
            // Signed in right before its run, as a browser is: the cookie is renewed after a minute (the security-stamp check), a
            // browser keeps the new one and wrk cannot, so a cookie older than a minute would pay the check on every request.
            var cookie = await CookieAsync(address, email, password);
            using (var probe = new HttpClient { BaseAddress = new Uri(address) })
            {
                probe.DefaultRequestHeaders.Add("Cookie", cookie);
                var response = await probe.GetAsync(path);
                var html = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != System.Net.HttpStatusCode.OK || !html.Contains("<h1", StringComparison.Ordinal))
                {
                    table.Add(($"Signed-in page: {title}", $"not measured: GET {path} answered {(int)response.StatusCode} without the page", "p99 ≤ 300 ms"));
                    continue;
                }
            }
            var result = Wrk(address + path, cookie, out var cpu);
            var perRequest = result.RequestsPerSecond > 0 ? cpu.TotalMilliseconds / (result.RequestsPerSecond * 15) : 0;
            table.Add(($"Signed-in prerendered page: {title}; wrk 2 × 50 × 15 s after 20 s of each page and 5 s of this one, not counted: requests/s, p50 / p99, portal CPU per request",
                $"{result.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture)}, {result.P50} / {result.P99}"
                + (result.Errors.Length > 0 ? $" ({result.Errors})" : "")
                + $"; p99 {Ratio(result.P99, staticFile.P99)} the static file's; {perRequest.ToString("N1", CultureInfo.InvariantCulture)} ms CPU", "p99 ≤ 300 ms"));
            Console.WriteLine($"{title}: {result}; portal CPU {perRequest:N1} ms per request");
        }
    }

    /// <summary>Signs in through the login form as a browser would and returns the auth cookie as a Cookie header value.</summary>
    private static async Task<string> CookieAsync(string address, string email, string password)
    {
        var cookies = new System.Net.CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = password,
        }));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in of {email} failed: {response.StatusCode}");
        return cookies.GetCookieHeader(new Uri(address));
    }

    private static string Ratio(string latency, string baseline) =>
        Milliseconds(baseline) is > 0 and var b ? (Milliseconds(latency) / b).ToString("N1", CultureInfo.InvariantCulture) + "×" : "n/a ×";

    private static double Milliseconds(string latency)
    {
        var match = LatencyValue().Match(latency);
        if (!match.Success) return 0;
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, "m" => value * 60_000, _ => value };
    }

    /// <summary>wrk on PATH, else a message in Russian and English saying how to install it.</summary>
    public static string? WrkMissing()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(d => File.Exists(Path.Combine(d, "wrk")));
        return onPath ? null : "wrk не найден: установите его командой `apt-get install wrk` (Debian/Ubuntu). " +
            "wrk not found: install it with `apt-get install wrk` (Debian/Ubuntu), or run without the http row (--only import,registry,identification,monitoring).";
    }

    internal const string NotMeasured = "not measured";

    /// <summary>Load on each signed-in page before any is measured.</summary>
    private const string WarmUp = "20s";

    internal sealed record WrkResult(double RequestsPerSecond, string P50, string P90, string P99, string Errors);

    /// <summary>
    /// wrk on one address: first 5 s not counted, then 15 s measured. A running portal has its code compiled; without the
    /// warm-up the slowest percent of a page's first run are the requests that waited for the JIT (p99 1.3 s at p50 145 ms on
    /// the floor page, against 0.23–0.35 s warm).
    /// </summary>
    private static WrkResult Wrk(string url, string? cookie = null) => Wrk(url, cookie, out _);

    /// <summary>The same, with the CPU time this process (the portal) spent during the measured 15 s.</summary>
    private static WrkResult Wrk(string url, string? cookie, out TimeSpan portalCpu)
    {
        Run(url, cookie, "5s");
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var output = Run(url, cookie, "15s");
        portalCpu = Process.GetCurrentProcess().TotalProcessorTime - before;
        return ParseWrk(output);
    }

    private static string Run(string url, string? cookie, string duration)
    {
        string[] arguments = cookie is null
            ? ["-t2", "-c50", "-d" + duration, "--timeout", "5s", "--latency", url]
            : ["-t2", "-c50", "-d" + duration, "--timeout", "5s", "--latency", "-H", "Cookie: " + cookie, url];
        using var wrk = Process.Start(new ProcessStartInfo("wrk", arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var stderr = wrk.StandardError.ReadToEndAsync();
        var output = wrk.StandardOutput.ReadToEnd();
        wrk.WaitForExit();
        if (wrk.ExitCode != 0) throw new InvalidOperationException($"wrk exited with {wrk.ExitCode}: {stderr.Result}\n{output}");
        return output;
    }

    /// <summary>
    /// Reads wrk's summary: «Requests/sec:» and the «Latency Distribution» that <c>--latency</c> prints (50%, 75%, 90%, 99% lines).
    /// The thread statistics above it also hold percentages («+/- Stdev»), so percentiles are taken only from that section,
    /// each from a line of its own. Anything missing fails with the whole output rather than a wrong figure in the table.
    /// </summary>
    internal static WrkResult ParseWrk(string output)
    {
        var rps = RequestsPerSecond().Match(output);
        var distribution = output.IndexOf("Latency Distribution", StringComparison.Ordinal);
        if (!rps.Success || distribution < 0)
        {
            throw new InvalidOperationException($"wrk output not understood (no «Requests/sec:» or no «Latency Distribution»; was --latency given?):\n{output}");
        }
        var percentiles = Percentile().Matches(output[distribution..]).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value + m.Groups[3].Value);
        string Of(string p) => percentiles.TryGetValue(p, out var v) ? v : throw new InvalidOperationException($"wrk output has no {p}% latency:\n{output}");
        var errors = new List<string>();
        if (SocketErrors().Match(output) is { Success: true } socket) errors.Add("socket errors: " + socket.Groups[1].Value.Trim());
        if (NotOk().Match(output) is { Success: true } notOk) errors.Add($"{notOk.Groups[1].Value} non-2xx/3xx responses");
        var requestsPerSecond = double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture);
        if (requestsPerSecond <= 0 || Milliseconds(Of("99")) <= 0)
        {
            // wrk prints 0.00us for every percentile when no request came back within --timeout: that is no latency, not a fast one.
            errors.Insert(0, "no request answered within the 5 s timeout");
            return new WrkResult(requestsPerSecond, NotMeasured, NotMeasured, NotMeasured, string.Join("; ", errors));
        }
        return new WrkResult(requestsPerSecond, Of("50"), Of("90"), Of("99"), string.Join("; ", errors));
    }

    /// <summary>
    /// A circuit holds its component tree, render state and DI scope: tens to hundreds of KB. A figure of nothing or less (the heap
    /// shrank while circuits were opened) or of more than 20 MB each says the measurement went wrong, not the portal; so does a
    /// run that could not open every circuit in time.
    /// </summary>
    internal static string? CircuitFigureRefusal(int opened, int wanted, double kilobytesPerCircuit) =>
        opened < wanted ? $"only {opened} of {wanted} circuits opened within 5 minutes"
        : kilobytesPerCircuit <= 0 ? $"the live heap grew by {kilobytesPerCircuit:N0} KB per circuit, which cannot be (a collection freed more than the circuits hold)"
        : kilobytesPerCircuit < 4 ? $"{kilobytesPerCircuit:N1} KB per circuit is less than a circuit's own objects: the circuits are not held by this server"
        : kilobytesPerCircuit > 20 * 1024 ? $"{kilobytesPerCircuit:N0} KB per circuit is implausibly large: something else grew during the measurement"
        : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"^([\d.]+)(us|ms|s|m)$")]
    private static partial Regex LatencyValue();

    [GeneratedRegex(@"^\s*Requests/sec:\s+([\d.]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s*(50|75|90|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile();

    [GeneratedRegex(@"^\s*Socket errors:(.*)$", RegexOptions.Multiline)]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"^\s*Non-2xx or 3xx responses:\s+(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex NotOk();
}
