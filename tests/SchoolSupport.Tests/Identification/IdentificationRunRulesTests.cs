using SchoolSupport.Domain.Identification;

namespace SchoolSupport.Tests.Identification;

/// <summary>How a run of the identification moves (the progress bar's row), without a database.</summary>
public sealed class IdentificationRunRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_run_starts_moves_forward_only_and_finishes_at_the_end()
    {
        var run = new IdentificationRun();
        run.Start(0.05);
        run.Advance(0.5);
        run.Advance(0.3);
        run.Progress.Should().Be(0.5, "progress does not go back");
        run.Finish("готово", At);
        (run.Status, run.Progress, run.Message, run.FinishedAt).Should().Be((IdentificationRun.Done, 1.0, "готово", At));
    }

    [Fact]
    public void A_failed_run_keeps_its_progress_and_a_restart_begins_again()
    {
        var run = new IdentificationRun();
        run.Start(0.01);
        run.Advance(0.4);
        run.Fail("Результатов нет", At);
        run.Advance(0.9);
        (run.Status, run.Progress, run.Message).Should().Be((IdentificationRun.Failed, 0.4, "Результатов нет"));
        run.Start(0.05);
        (run.Status, run.Progress, run.Message, run.FinishedAt).Should().Be((IdentificationRun.Running, 0.05, "", (DateTimeOffset?)null));
    }
}
