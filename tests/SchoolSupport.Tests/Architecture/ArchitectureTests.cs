using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Tests.Architecture;

/// <summary>Rules of the code's shape that a review would otherwise have to remember.</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] DatabaseTypes = [nameof(AppDbContext), "IDbContextFactory", nameof(SystemDb)];

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "src", "SchoolSupport.Web"));

    [Fact]
    public void No_razor_file_touches_the_database()
    {
        var offenders = Directory.EnumerateFiles(SourceFolder(), "*.razor*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => DatabaseTypes.Any(t => Regex.IsMatch(File.ReadAllText(f), $@"\b{t}\b")))
            .Select(f => Path.GetRelativePath(SourceFolder(), f)).ToList();
        offenders.Should().BeEmpty("pages go through use cases, never to the database");
    }

    /// <summary>Web code that may reach the database: the start-up wiring only.</summary>
    private static readonly Dictionary<string, string> StartupFiles = new()
    {
        ["Program.cs"] = "the host's entry point",
        ["AppHost.cs"] = "registers the Identity stores and the data-protection keys on the context",
        [Path.Combine("Startup", "DatabaseStartup.cs")] = "migrates and seeds the database before the portal serves requests",
    };

    [Fact]
    public void No_web_code_but_the_startup_wiring_touches_the_database()
    {
        var offenders = Directory.EnumerateFiles(SourceFolder(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !StartupFiles.ContainsKey(Path.GetRelativePath(SourceFolder(), f)))
            .Where(f => DatabaseTypes.Any(t => Regex.IsMatch(File.ReadAllText(f), $@"\b{t}\b")))
            .Select(f => Path.GetRelativePath(SourceFolder(), f)).ToList();
        offenders.Should().BeEmpty("endpoints and pages call use cases of Infrastructure; only the start-up wiring sees the context");
    }

    [Fact]
    public void No_component_injects_a_database_context()
    {
        var components = typeof(SchoolSupport.Web.AppHost).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t));
        var offenders = components.SelectMany(c => c.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null && IsDatabase(p.PropertyType))
                .Select(p => $"{c.Name}.{p.Name}")
                .Concat(c.GetConstructors().SelectMany(k => k.GetParameters()).Where(p => IsDatabase(p.ParameterType)).Select(p => $"{c.Name}({p.Name})")))
            .ToList();
        offenders.Should().BeEmpty("pages go through use cases, never to the database");
    }

    [Fact]
    public void Every_upload_goes_through_the_one_upload_panel()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(SourceFolder(), "Components"), "*.razor*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "FileUploadPanel.razor")
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"<InputFile\b|\bInputFileChangeEventArgs\b"))
            .Select(f => Path.GetRelativePath(SourceFolder(), f)).ToList();
        offenders.Should().BeEmpty("Shared/FileUploadPanel.razor holds the one upload flow: label, bounded read, size message, chosen file");
    }

    [Fact]
    public void No_use_case_returns_a_list_of_error_strings()
    {
        var offenders = typeof(SystemDb).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Task<IReadOnlyList<string>>)
                        || (m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
                            && m.ReturnType.GenericTypeArguments[0].IsGenericType
                            && m.ReturnType.GenericTypeArguments[0].GenericTypeArguments.Contains(typeof(IReadOnlyList<string>))
                            && m.ReturnType.GenericTypeArguments[0].FullName!.StartsWith("System.ValueTuple", StringComparison.Ordinal)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}").Distinct().ToList();
        offenders.Should().BeEmpty("a use case refuses by throwing DomainException with its messages; it returns the plain value");
    }

    [Fact]
    public void No_page_catches_a_refusal_itself()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(SourceFolder(), "Components", "Pages"), "*.razor*", SearchOption.AllDirectories)
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"catch \((DomainException|ScopeException|StaleEditException)\b"))
            .Select(f => Path.GetRelativePath(SourceFolder(), f)).ToList();
        offenders.Should().BeEmpty("pages run use cases through the one runner, Shared/Refusals.razor");
    }

    private static bool IsDatabase(Type type) =>
        typeof(DbContext).IsAssignableFrom(type) || type == typeof(SystemDb)
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDbContextFactory<>));
}
