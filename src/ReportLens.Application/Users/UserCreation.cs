using ReportLens.Data.Entities;

namespace ReportLens.Application.Users;

/// <summary>What <see cref="CreateUser"/> did: the stored user, or the field errors (keys as on the wire), or the duplicate's message.</summary>
public sealed record UserCreation(UserCreationOutcome Outcome, UserAccount? User, IReadOnlyDictionary<string, string> Errors, string? Message)
{
    public static UserCreation Created(UserAccount user) => new(UserCreationOutcome.Created, user, new Dictionary<string, string>(), null);

    public static UserCreation Invalid(IReadOnlyDictionary<string, string> errors) =>
        new(UserCreationOutcome.Invalid, null, errors, string.Join("; ", errors.Values));

    public static UserCreation Duplicate(string username) =>
        new(UserCreationOutcome.Duplicate, null, new Dictionary<string, string>(),
            $"a user named '{username}' already exists (names are compared ignoring case)");
}
