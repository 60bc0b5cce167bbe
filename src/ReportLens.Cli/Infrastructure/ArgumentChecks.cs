using System.CommandLine;

namespace ReportLens.Cli.Infrastructure;

public static class ArgumentChecks
{
    /// <summary>A misspelt option ("--fromat") would otherwise be taken as a file name; make it a usage error.</summary>
    public static Argument<T> RejectOptionLikeValues<T>(this Argument<T> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-') && token.Value != "-")
                {
                    result.AddError($"unknown option '{token.Value}'");
                }
            }
        });
        return argument;
    }
}
