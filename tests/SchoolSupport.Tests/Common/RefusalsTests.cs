using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor.Services;
using SchoolSupport.Domain.Common;
using SchoolSupport.Web.Components.Shared;

namespace SchoolSupport.Tests.Common;

/// <summary>The page-side runner, rendered as a page renders it: what the user reads and what the log gets.</summary>
public sealed class RefusalsTests
{
    [Fact]
    public async Task A_refusal_with_several_messages_shows_them_all_and_is_logged_at_information_not_as_an_error()
    {
        await using var page = await RunnerPage.RenderAsync();

        var (done, html) = await page.RunAsync(() => throw new DomainException(["Укажите наименование плана.", "Окончание срока реализации раньше начала."]));

        done.Should().BeFalse();
        html.Should().Contain("Укажите наименование плана.").And.Contain("Окончание срока реализации раньше начала.");
        page.Log.Should().ContainSingle(e => e.Level == LogLevel.Information && e.Message.Contains("Укажите наименование плана."));
        page.Log.Should().NotContain(e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_scope_refusal_shows_access_denied_and_a_stale_edit_offers_to_reload()
    {
        await using var page = await RunnerPage.RenderAsync();

        var (_, denied) = await page.RunAsync(() => throw new ScopeException("План не найден."));
        denied.Should().Contain("Доступ запрещён").And.Contain("План не найден.");

        var (_, stale) = await page.RunAsync(() => throw new StaleEditException("Мероприятие уже изменил другой пользователь. Обновите страницу и повторите изменения."));
        stale.Should().Contain("Мероприятие уже изменил другой пользователь").And.Contain("Обновить").And.NotContain("Доступ запрещён");

        page.Log.Should().NotContain(e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Success_clears_the_refusal_and_anything_but_a_refusal_goes_on_to_the_generic_error()
    {
        await using var page = await RunnerPage.RenderAsync();
        await page.RunAsync(() => throw new DomainException("Введите текст комментария."));

        var (done, html) = await page.RunAsync(() => Task.CompletedTask);
        done.Should().BeTrue();
        html.Should().NotContain("Введите текст комментария.");

        var failing = () => page.RunAsync(() => throw new InvalidOperationException("database is down"));
        await failing.Should().ThrowAsync<InvalidOperationException>();
    }

    /// <summary>A page with nothing but the runner on it, rendered to HTML without a browser.</summary>
    private sealed class RunnerPage : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly HtmlRenderer _renderer;
        private readonly CapturingLogger _log;
        private Microsoft.AspNetCore.Components.Web.HtmlRendering.HtmlRootComponent _root;
        private Refusals _runner = default!;

        private RunnerPage(ServiceProvider services, CapturingLogger log)
        {
            _services = services;
            _log = log;
            _renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        }

        public IReadOnlyCollection<(LogLevel Level, string Message)> Log => _log.Entries;

        public static async Task<RunnerPage> RenderAsync()
        {
            var log = new CapturingLogger();
            var services = new ServiceCollection()
                .AddLogging(b => b.AddProvider(log))
                .AddMudServices()
                .AddSingleton<NavigationManager, TestNavigation>()
                .AddSingleton<Microsoft.JSInterop.IJSRuntime, NoJavaScript>()
                .BuildServiceProvider();
            var page = new RunnerPage(services, log);
            await page._renderer.Dispatcher.InvokeAsync(async () =>
            {
                page._root = await page._renderer.RenderComponentAsync<Host>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(Host.Captured)] = (Action<Refusals>)(r => page._runner = r),
                }));
            });
            return page;
        }

        public Task<(bool Done, string Html)> RunAsync(Func<Task> action) =>
            _renderer.Dispatcher.InvokeAsync(async () =>
            {
                var done = await _runner.RunAsync(action);
                return (done, System.Net.WebUtility.HtmlDecode(_root.ToHtmlString()));
            });

        public async ValueTask DisposeAsync()
        {
            await _renderer.DisposeAsync();
            await _services.DisposeAsync();
        }
    }

    private sealed class Host : ComponentBase
    {
        [Parameter] public Action<Refusals> Captured { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<Refusals>(0);
            builder.AddComponentReferenceCapture(1, r => Captured((Refusals)r));
            builder.CloseComponent();
        }
    }

    private sealed class TestNavigation : NavigationManager
    {
        public TestNavigation() => Initialize("http://localhost/", "http://localhost/roadmaps");
    }

    private sealed class NoJavaScript : Microsoft.JSInterop.IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            ValueTask.FromResult(default(TValue)!);
    }

    private sealed class CapturingLogger : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<(LogLevel, string)> _entries = new();

        public IReadOnlyCollection<(LogLevel Level, string Message)> Entries => _entries;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _entries.Enqueue((logLevel, formatter(state, exception)));

        public void Dispose()
        {
        }
    }
}
