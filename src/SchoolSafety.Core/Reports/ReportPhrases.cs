namespace SchoolSafety.Reports;

/// <summary>
/// The fixed Chinese phrases of the PDF documents, in one place. PDFs are official documents
/// and are always written in Chinese, whatever the reader's UI culture.
/// </summary>
public static class ReportPhrases
{
    public static string PageOf(int page, int count) => $"第 {page} 页 共 {count} 页";
    public static string GeneratedAt(DateTime chinaTime) => $"生成时间：{chinaTime:yyyy-MM-dd HH:mm}";
    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
    public static string Date(DateTime chinaTime) => Date(DateOnly.FromDateTime(chinaTime));
}

/// <summary>The fixed text of the rectification notice (隐患整改通知书).</summary>
public static class NoticePhrases
{
    public const string Title = "隐患整改通知书";
    public static string Number(string ticketNumber) => $"编号：{ticketNumber}";
    public static string Salutation(string school) => $"{school}：";
    public static string Opening(string source) =>
        $"经{source}，发现你单位存在下列安全隐患。请按照“定责任人、定措施、定资金、定时限、定预案”的要求限期整改，整改期间落实临时管控措施，确保师生安全；整改完成后及时报请复查销号。";
    public const string School = "学校";
    public const string TicketNumber = "隐患编号";
    public const string Description = "隐患描述";
    public const string Item = "检查项目";
    public const string Place = "隐患部位";
    public const string Grade = "隐患等级";
    public const string FoundOn = "发现日期";
    public const string Deadline = "整改期限";
    public const string Responsible = "整改责任人";
    public const string Interim = "临时管控措施";
    public const string Supervised = "挂牌督办";
    public const string PlanHeading = "重大隐患治理方案";
    public const string PlanGoal = "治理目标和任务";
    public const string PlanMeasures = "采取的方法和措施";
    public const string PlanFunds = "经费和物资落实";
    public const string PlanPeople = "负责治理的机构和人员";
    public const string PlanTimeLimit = "治理时限";
    public const string PlanSafety = "安全措施和应急预案";
    public const string NoPlanYet = "（尚未制定，须在标记整改完成前报送）";
    public const string Requirement = "整改要求：";
    public static string RequirementText(DateOnly deadline) =>
        $"请于{ReportPhrases.Date(deadline)}前完成整改，并将整改情况（附整改前后照片）在系统中报送；逾期未完成的，将按规定予以通报并挂牌督办。";
    public const string Issuer = "签发单位（盖章处）：";
    public const string Signer = "签发人：";
    public const string BlankDate = "年    月    日";
    public const string CutLine = "沿此线剪下";
    public const string ReceiptTitle = "回    执";
    public static string ReceiptText(string school, string number, DateOnly deadline) =>
        $"{school}已收到编号为{number}的隐患整改通知书，将按要求于{ReportPhrases.Date(deadline)}前完成整改并报请复查。";
    public const string Receiver = "接收人（签字）：";
    public const string ReceiptSeal = "学校（盖章）：";
    public const string Grade_General = "一般隐患";
    public const string Grade_Major = "重大隐患";
    public static string Status(bool closed, DateTime? closedAtChina) =>
        closed && closedAtChina is { } at ? $"已于{ReportPhrases.Date(at)}复查销号" : "";
}

/// <summary>The fixed text of the county's term report (情况汇报), after the county's own 2020 report.</summary>
public static class TermReportPhrases
{
    public static string Title(string county, string term) => $"{county}{term}学校安全工作开展情况汇报";
    public static string Intro(string county, string term, DateOnly from, DateOnly to) =>
        $"现就{county}{term}（{ReportPhrases.Date(from)}至{ReportPhrases.Date(to)}）学校安全工作开展情况汇报如下：";
    public const string InspectionHeading = "三、全面排查，综合治理安全隐患。";
    public static string Inspections(int schools, int submitted, int expected, double? completion) =>
        $"各学校、幼儿园对照周检月查记录表开展安全检查。全县{schools}所学校（园）本学期截至目前应开展周检{expected}次，已开展{submitted}次"
        + (completion is { } c ? $"，完成率{c:0.#}%。" : "。");
    public static string Tickets(int found, int closed, double? onTime, int open, int overdue, int majorOpen) =>
        $"排查发现安全隐患{found}处，已整改销号{closed}处"
        + (onTime is { } p ? $"，按期销号率{p:0.#}%" : "")
        + $"；尚有{open}处正在整改，其中逾期{overdue}处"
        + (majorOpen > 0 ? $"，重大隐患{majorOpen}处。" : "。")
        + "对发现的安全隐患，均落实整改责任人并限期整改，做到闭合管理。";
    public const string ProblemsHeading = "四、存在问题与不足";
    public const string GuardsHeading = "（一）人防力量偏弱。";
    public static string Guards(int required, int present, int shortage) => shortage > 0
        ? $"保安员配备不足，按目前规模应配保安{required}名，现仅{present}名，缺{shortage}名。"
        : $"按目前规模应配保安{required}名，现有{present}名，已按标准配齐。";
    public const string TechnicalHeading = "（二）技防工作不达标。";
    public static string Retention(int withCameras, int? min, int? max, int shortSchools, int blindSpotSchools) =>
        (withCameras == 0 || min is null
            ? "各学校尚未填报监控系统情况。"
            : $"已安装监控的{withCameras}所学校中，监控图像存储时间为{(min == max ? $"{min}天" : $"{min}-{max}天")}，{shortSchools}所学校未达到规定的存储时间要求")
        + (withCameras == 0 || min is null ? "" : blindSpotSchools > 0 ? $"；{blindSpotSchools}所学校监控面未全覆盖，还有盲区死角。" : "。");
    public const string AppendixHeading = "附表：各学校安全工作情况";
    public static readonly string[] AppendixHeaders = ["序号", "学校名称", "乡镇", "周检（已开展/应开展）", "未销号隐患", "其中逾期", "缺保安（名）"];
    public const string NoData = "—";
}
