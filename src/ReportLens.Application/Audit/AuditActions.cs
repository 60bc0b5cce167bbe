namespace ReportLens.Application.Audit;

/// <summary>The one set of audit actions every door writes (an import is a <see cref="Create"/>, from the API, the UI or the CLI).</summary>
public static class AuditActions
{
    public const string Login = "login";
    public const string LoginFailed = "login_failed";
    public const string Read = "read";
    public const string List = "list";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Analyze = "analyze";
    public const string Export = "export";
    public const string Review = "review";
    /// <summary>An annotation put in double review (two reviewers assigned).</summary>
    public const string ReviewAssign = "review_assign";
    /// <summary>A double review settled by a third person.</summary>
    public const string Adjudicate = "adjudicate";
    public const string UserChange = "user_change";
    /// <summary>A prompt's few-shot example set was set or cleared.</summary>
    public const string PromptChange = "prompt_change";
    /// <summary>A gold set was uploaded for evaluation.</summary>
    public const string GoldSetUpload = "gold_set_upload";
    /// <summary>An evaluation run was started on a gold set.</summary>
    public const string EvaluationStart = "evaluation_start";
    public const string CriticalOpen = "critical_open";
    public const string CriticalAcknowledge = "critical_acknowledge";
    public const string CriticalDismiss = "critical_dismiss";
    public const string CriticalEscalate = "critical_escalate";
}
