using System.Text.RegularExpressions;

namespace SchoolSupport.Tests.Architecture;

/// <summary>UI text lives in Resources/Ui.resx (Web: every Razor file and every .cs file), Domain text in Resources/DomainText.resx and Infrastructure text in Resources/InfraText.resx: cleaned code stays clean.</summary>
public sealed partial class TextInResourcesTests
{
    /// <summary>
    /// Seed and template data written into a region's tables once (default risk factors, the Kirov and Zernograd default methodologies,
    /// the Saratov and Kirov monitoring calendars): quoted from the regional orders, edited by the region afterwards, so it stays as code (see Glossary.cs).
    /// </summary>
    private static readonly string[] DomainSeedFiles =
    [
        "Risks/DefaultRiskFactors.cs", "Schools/Region.cs",
        "Identification/DefaultMethodologies.cs", "Monitoring/DefaultCalendar.cs", "Monitoring/CalendarTemplates.cs",
    ];

    /// <summary>
    /// Demo content of Infrastructure, written only into demo regions (never a real region's data): made-up schools, people, municipalities,
    /// partnerships, practices, events and plan texts that read like a real region's, so it stays as code next to the generator.
    /// </summary>
    private static readonly string[] InfrastructureSeedFiles =
    [
        "DemoData/DemoContent.cs", // partnerships, practices, PD events, consultations and the preventive task of the demo region
        "DemoData/DemoDataGenerator.cs", // generated regions: municipality and village names, schools, people
        "DemoData/DemoSeeder.cs", // the demo region's users, schools and plans
    ];

    private static string Src([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "src"));

    [GeneratedRegex("[А-Яа-яЁё]")]
    private static partial Regex Cyrillic();

    [Fact]
    public void Razor_files_hold_no_inline_Russian_text()
    {
        var offenders = SourceFiles("*.razor*", Path.Combine(Src(), "SchoolSupport.Web", "Components"))
            .SelectMany(file => InlineLines(file).Select(line => $"{Path.GetRelativePath(Src(), file)}: {line}"))
            .ToList();
        offenders.Should().BeEmpty("UI text lives in Resources/Ui.resx (Ui.Key, string.Format(Ui.Key, …) for values)");
    }

    [Fact]
    public void Web_code_holds_no_inline_Russian_text()
    {
        var offenders = SourceFiles("*.cs", Path.Combine(Src(), "SchoolSupport.Web"))
            .SelectMany(file => InlineLines(file).Select(line => $"{Path.GetRelativePath(Src(), file)}: {line}"))
            .ToList();
        offenders.Should().BeEmpty("messages, file names and labels of endpoints, commands and pages live in Resources/Ui.resx (Ui.Key)");
    }

    /// <summary>Source files under a project folder, build output aside.</summary>
    private static IEnumerable<string> SourceFiles(string pattern, string folder) =>
        Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(folder, file).Replace('\\', '/').Split('/').Any(part => part is "bin" or "obj"));

    [Fact]
    public void Domain_code_holds_no_inline_Russian_text_seed_data_aside()
    {
        var domain = Path.Combine(Src(), "SchoolSupport.Domain");
        var offenders = SourceFiles("*.cs", domain)
            .Where(file => !DomainSeedFiles.Contains(Path.GetRelativePath(domain, file).Replace('\\', '/')))
            .SelectMany(file => InlineLines(file).Select(line => $"{Path.GetRelativePath(Src(), file)}: {line}"))
            .ToList();
        offenders.Should().BeEmpty("Domain messages and enum titles live in Resources/DomainText.resx (DomainText.Key, Titles.Of)");
    }

    [Fact]
    public void Infrastructure_code_holds_no_inline_Russian_text_seed_data_aside()
    {
        var infrastructure = Path.Combine(Src(), "SchoolSupport.Infrastructure");
        var offenders = SourceFiles("*.cs", infrastructure)
            .Where(file => !Path.GetRelativePath(infrastructure, file).Replace('\\', '/').StartsWith("Data/Migrations/", StringComparison.Ordinal))
            .Where(file => !InfrastructureSeedFiles.Contains(Path.GetRelativePath(infrastructure, file).Replace('\\', '/')))
            .SelectMany(file => InlineLines(file).Select(line => $"{Path.GetRelativePath(Src(), file)}: {line}"))
            .ToList();
        offenders.Should().BeEmpty("Infrastructure messages, import and export texts, notices and audit labels live in Resources/InfraText.resx (InfraText.Key, InfraFormat.Of(InfraText.Key, …))");
    }

    [Fact]
    public void The_check_sees_inline_text()
    {
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.razor");
        File.WriteAllText(file, "@* Комментарий *@\n<MudText>@Ui.Title</MudText>\n<MudText>Текст</MudText>\n// Комментарий\n");
        try { InlineLines(file).Should().Equal("<MudText>Текст</MudText>"); }
        finally { File.Delete(file); }
    }

    /// <summary>Lines with Cyrillic letters, comments (<c>//</c>, <c>///</c>, <c>@* … *@</c> on one line) aside.</summary>
    internal static IEnumerable<string> InlineLines(string file) => File.ReadLines(file)
        .Select(l => l.Trim())
        .Where(l => !l.StartsWith("//", StringComparison.Ordinal) && !(l.StartsWith("@*", StringComparison.Ordinal) && l.EndsWith("*@", StringComparison.Ordinal)))
        .Where(l => Cyrillic().IsMatch(l));
}
