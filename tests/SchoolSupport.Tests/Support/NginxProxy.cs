using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace SchoolSupport.Tests.Support;

/// <summary>
/// Debian's nginx as a child process on a free 127.0.0.1 port, sticky by client address (<c>ip_hash</c>) over the given portal
/// ports, with its configuration, logs, pid file and temp folders in a folder of its own. The access log records which
/// upstream served each request. The configuration is the one in the README («Несколько узлов»).
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private NginxProxy(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    private string AccessLog => Path.Combine(_folder, "access.log");

    public static string Configuration(string folder, int port, IEnumerable<int> upstreamPorts) => $$"""
        daemon off;
        worker_processes 1;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log warn;
        events { worker_connections 512; }
        http {
            log_format upstream '$remote_addr [$time_local] "$request" $status upstream=$upstream_addr';
            access_log {{folder}}/access.log upstream;
            client_body_temp_path {{folder}}/client_body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
            client_max_body_size 200m;
            map $http_upgrade $connection_upgrade { default upgrade; '' close; }
            upstream portal {
                ip_hash;
        {{string.Join("\n", upstreamPorts.Select(p => $"        server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;"))}}
            }
            server {
                listen 127.0.0.1:{{port}};
                location / {
                    proxy_pass http://portal;
                    proxy_http_version 1.1;
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection $connection_upgrade;
                    proxy_read_timeout 1h;
                    proxy_next_upstream error timeout;
                }
            }
        }
        """;

    public static async Task<NginxProxy> StartAsync(IEnumerable<int> upstreamPorts)
    {
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed: apt-get install nginx (.ci/run installs it on a fresh machine). " +
                "nginx не установлен: apt-get install nginx.");
        var folder = Path.Combine(Path.GetTempPath(), "schoolsupport-tests", "nginx-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, Configuration(folder, port, upstreamPorts));
        var process = Process.Start(new ProcessStartInfo(nginx, ["-c", config, "-p", folder + "/", "-e", Path.Combine(folder, "error.log")])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        })!;
        var proxy = new NginxProxy(process, folder, new Uri($"http://127.0.0.1:{port}"));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()} {proxy.ErrorLog()}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return proxy;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private string ErrorLog() => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    /// <summary>The port of the portal that answered the <paramref name="request"/>-th request (1-based) through the proxy, from the access log.</summary>
    public async Task<int> ServedByAsync(int request)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string[] lines;
        // nginx writes the line as it finishes the request, which may be a moment after the client has the response.
        while ((lines = File.Exists(AccessLog) ? await File.ReadAllLinesAsync(AccessLog) : []).Length < request && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        lines.Length.Should().BeGreaterThanOrEqualTo(request, "nginx logs every request it passes on");
        // After a failed attempt the list holds every upstream tried, the one that answered last.
        return int.Parse(UpstreamPort().Matches(lines[request - 1]).Last().Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A worker may still hold a temp file for a moment; the temp folder is cleaned with the machine.
        }
    }

    [GeneratedRegex(@"127\.0\.0\.1:(\d+)")]
    private static partial Regex UpstreamPort();
}
