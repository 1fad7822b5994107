using SchoolSupport.Domain.Resources;
namespace SchoolSupport.Domain.Common;

/// <summary>One reason a request is refused, in Russian as the user reads it; <see cref="Field"/> names the form field it belongs to, if any.</summary>
public sealed record Refusal(string Message, string? Field = null);

/// <summary>
/// The one way to refuse: a rule of the domain was broken. It carries one or more Russian messages shown to the user as
/// they are (with the field each belongs to, where it does). Use cases throw it; they never return lists of errors.
/// Pages turn it into messages in one place; an expected refusal is logged at Information, never as an error.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string message, string? field = null) : this([new Refusal(message, field)])
    {
    }

    public DomainException(IEnumerable<string> messages) : this(messages.Select(m => new Refusal(m)))
    {
    }

    public DomainException(IEnumerable<Refusal> refusals) : this(refusals.ToList())
    {
    }

    private DomainException(List<Refusal> refusals) : base(string.Join(Environment.NewLine, refusals.Select(r => r.Message))) =>
        Refusals = refusals.Count > 0 ? refusals : [new Refusal(DomainText.Refused)];

    public IReadOnlyList<Refusal> Refusals { get; }

    public IEnumerable<string> Messages => Refusals.Select(r => r.Message);

    /// <summary>Refuses with every message at once when there is any (validation collects them all first).</summary>
    public static void ThrowIfAny(IReadOnlyCollection<string> messages)
    {
        if (messages.Count > 0) throw new DomainException(messages);
    }
}

/// <summary>The user's scope does not reach the object; pages show it as «не найдено» / «Доступ запрещён».</summary>
public sealed class ScopeException(string message) : DomainException(message);

/// <summary>Someone else saved the same object first (optimistic concurrency); the page offers to reload.</summary>
public sealed class StaleEditException(string message) : DomainException(message);
