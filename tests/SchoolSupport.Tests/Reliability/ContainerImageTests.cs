namespace SchoolSupport.Tests.Reliability;

/// <summary>
/// The container files read as Docker would, since no Docker engine runs where the tests do: the portal runs as the
/// image's non-root user, and the data volume is created owned by that user.
/// </summary>
public sealed class ContainerImageTests
{
    private static string RepositoryFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SchoolSupport.sln"))) dir = dir.Parent;
        return File.ReadAllText(Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("SchoolSupport.sln not found"), relative));
    }

    /// <summary>The instructions of the final stage (after the last FROM), continuation lines joined.</summary>
    private static List<string> FinalStage()
    {
        var lines = RepositoryFile("src/SchoolSupport.Web/Dockerfile").Replace("\\\n", " ").Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        return lines.Skip(lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.Ordinal))).ToList();
    }

    [Fact]
    public void The_portal_runs_as_the_non_root_app_user_of_the_aspnet_image()
    {
        var stage = FinalStage();
        var user = stage.FindLastIndex(l => l.StartsWith("USER ", StringComparison.Ordinal));
        user.Should().BeGreaterThan(0, "without USER the container runs as root");
        stage[user].Should().BeOneOf("USER $APP_UID", "USER app");
        stage.FindIndex(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal)).Should().BeGreaterThan(user);
        RepositoryFile("docker-compose.yml").Should().NotMatchRegex(@"(?m)^\s*user:\s*[""']?(root|0)\b");
    }

    [Fact]
    public void The_data_folder_is_made_and_owned_by_the_app_user_before_it_becomes_a_volume()
    {
        var stage = FinalStage();
        var volume = stage.FindIndex(l => l == "VOLUME /data");
        var chown = stage.FindIndex(l => l.StartsWith("RUN ", StringComparison.Ordinal) && l.Contains("mkdir -p /data") && l.Contains("chown -R \"$APP_UID:$APP_UID\" /data"));
        chown.Should().BeGreaterThan(0);
        // A change to a folder after VOLUME names it is discarded, so the owner must be set before.
        volume.Should().BeGreaterThan(chown);
    }
}
