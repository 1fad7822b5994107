namespace SchoolSupport.Domain.Common;

/// <summary>A rule of the domain was broken; the message is shown to the user as it is (in Russian).</summary>
public class DomainException(string message) : Exception(message);

/// <summary>The user's scope does not reach the object; pages show it as "access denied".</summary>
public sealed class ScopeException(string message) : DomainException(message);

/// <summary>Someone else saved the same object first (optimistic concurrency).</summary>
public sealed class StaleEditException(string message) : DomainException(message);
