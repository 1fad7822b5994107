using System.Text.RegularExpressions;

namespace SchoolSupport.Tests.Architecture;

/// <summary>One clock: code reads the time through <see cref="TimeProvider"/> (tests move it), never from the machine directly.</summary>
public sealed partial class OneClockTests
{
    private static string Src([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "src"));

    [GeneratedRegex(@"\b(DateTime|DateTimeOffset)\.(Now|UtcNow|Today)\b|\bDates\.Today\b")]
    private static partial Regex MachineClock();

    [Fact]
    public void No_source_file_reads_the_machine_clock_directly()
    {
        var sep = Path.DirectorySeparatorChar;
        var offenders = Directory.EnumerateFiles(Src(), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal)
                        && !f.Contains($"{sep}Migrations{sep}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal) && MachineClock().IsMatch(l))
                .Select(l => $"{Path.GetRelativePath(Src(), f)}: {l.Trim()}"))
            .ToList();
        offenders.Should().BeEmpty("time comes from TimeProvider (Clock.Today(TimeProvider)), so tests and jobs see one clock");
    }
}
