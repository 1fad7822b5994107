using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Access;

namespace SchoolSupport.Tests.Foundation;

/// <summary>A shared read is one read for everyone who comes while it runs (#18), and a failed read is not kept.</summary>
public sealed class SharedReadsTests
{
    private static readonly UserScope Operator = new(Guid.NewGuid(), "Петрова Анна Сергеевна", Guid.NewGuid(), null, null, new HashSet<string> { Roles.Operator });

    [Fact]
    public async Task Requests_that_come_while_a_view_is_being_read_wait_for_that_one_read()
    {
        using var shared = new SharedReads(TimeProvider.System);
        var reads = 0;
        var reading = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<string> Read()
        {
            Interlocked.Increment(ref reads);
            return reading.Task;
        }

        var first = shared.GetAsync(Operator, "list", 1, Read);
        var others = Enumerable.Range(0, 49).Select(_ => shared.GetAsync(Operator, "list", 1, Read)).ToList();
        reading.SetResult("перечень");

        (await first).Should().Be("перечень");
        (await Task.WhenAll(others)).Should().AllBe("перечень");
        reads.Should().Be(1, "fifty requests at the moment the entry expired start one read, not fifty");
        (await shared.GetAsync(Operator, "list", 2, () => Task.FromResult("другой"))).Should().Be("другой", "another view is another read");
    }

    [Fact]
    public async Task A_failed_read_is_not_kept_the_next_request_reads_again()
    {
        using var shared = new SharedReads(TimeProvider.System);
        var failing = () => shared.GetAsync<string>(Operator, "list", 1, () => Task.FromException<string>(new TimeoutException("нет ответа")));
        await failing.Should().ThrowAsync<TimeoutException>();
        (await shared.GetAsync(Operator, "list", 1, () => Task.FromResult("перечень"))).Should().Be("перечень");
    }

    [Fact]
    public async Task A_read_cancelled_with_the_request_that_started_it_does_not_fail_the_others_waiting_for_it()
    {
        using var shared = new SharedReads(TimeProvider.System);
        using var leaving = new CancellationTokenSource();
        async Task<string> ReadUntilCancelled()
        {
            await Task.Delay(Timeout.Infinite, leaving.Token);
            return "не дочитано";
        }

        var first = shared.GetAsync(Operator, "list", 1, ReadUntilCancelled);
        var second = shared.GetAsync(Operator, "list", 1, () => Task.FromResult("перечень"));
        leaving.Cancel();

        await first.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>("the request that left is cancelled");
        (await second).Should().Be("перечень", "the one still waiting reads for itself");
    }
}
