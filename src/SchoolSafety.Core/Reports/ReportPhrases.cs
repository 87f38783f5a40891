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
    public const string DeploymentHeading = "一、全力部署，抓实重点工作。";
    public const string NotWritten = "（本节尚未填写。）";
    public static string Checklist(int items) => items > 0
        ? $"各学校（园）每周开展1次安全检查，对照周检月查记录表落实{items}项安全周检月查工作。"
        : "";
    public static string Campaigns(IReadOnlyList<string> titles) => titles.Count == 0
        ? "本学期未部署专项检查。"
        : $"本学期共部署专项检查{titles.Count}次：{string.Join("、", titles.Select(t => $"“{t}”"))}。";
    public const string TrainingHeading = "二、全员培训，提高安全防范意识。";
    public static string CountyTraining(string county, int sessions, int attendees, int schools, IReadOnlyList<string> titles) => sessions == 0
        ? $"本学期{county}尚未组织县级学校安全培训。"
        : $"本学期{county}组织县级学校安全培训{sessions}场，{schools}所学校（园）的分管安全领导、安全处负责人等{attendees}人参加，培训内容为：{string.Join("；", titles)}。";
    public static string SchoolTraining(int schools, int sessions, int attendees, int firstLesson, int allSchools, int activities, int students) =>
        $"{schools}所学校（园）结合实际组织校级全员培训{sessions}场，参训{attendees}人次；{firstLesson}所学校（园）（共{allSchools}所）上好开学安全教育第一课，"
        + $"各学校（园）开展安全教育活动{activities}次，覆盖学生{students}人次。";
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
    public static string ItemsChartCaption(int items) => $"图1  隐患较多的{items}个检查项目：发现与已销号（处）";
    public const string WeeklyChartCaption = "图2  各周周检完成率";
    public const string SeriesFound = "发现";
    public const string SeriesClosed = "已销号";
    public const string SeriesCompletion = "周检完成率";
    public static string WeekLabel(int week) => $"第{week}周";
    public const string ProblemsHeading = "四、存在问题与不足";
    public const string GuardsHeading = "（一）人防力量偏弱。";
    public static string Guards(int required, int present, int shortage) => shortage > 0
        ? $"保安员配备不足，按目前规模应配保安{required}名，现仅{present}名，缺{shortage}名。"
        : $"按目前规模应配保安{required}名，现有{present}名，已按标准配齐。";
    public static string EducationName(Defences.EducationLevel level) => level switch
    {
        Defences.EducationLevel.PrimaryOrBelow => "小学",
        Defences.EducationLevel.JuniorMiddle => "初中",
        Defences.EducationLevel.SeniorMiddle => "高中",
        _ => "大专",
    };
    public static string GuardProfile(GuardProfile g) => g.Guards == 0
        ? ""
        : $"现有保安员平均年龄{g.AverageAge}岁，最大{g.OldestAge}岁，超过{g.MaxAge}岁的{g.OverAge}名（{g.OverAgeSchools}所学校）；"
          + $"学历低于{EducationName(g.MinEducation)}的{g.Undereducated}名（{g.UndereducatedSchools}所学校）"
          + (g.OverAge + g.Undereducated > 0 ? "，保安员年龄偏大、学历偏低的问题依然存在。" : "。");
    public const string TechnicalHeading = "（二）技防工作不达标。";
    public static string Retention(int withCameras, int? min, int? max, int shortSchools, int blindSpotSchools, int ruleDays, int blindSpots) =>
        withCameras == 0 || min is null
            ? "各学校尚未填报监控系统情况。"
            : $"已安装监控的{withCameras}所学校中，监控图像存储时间为{(min == max ? $"{min}天" : $"{min}-{max}天")}，"
              + (shortSchools > 0 ? $"{shortSchools}所学校未达到规定的{ruleDays}天存储时间要求" : $"均达到规定的{ruleDays}天存储时间要求")
              + (blindSpotSchools > 0 ? $"；{blindSpotSchools}所学校监控面未全覆盖，共有盲区死角{blindSpots}处。" : "；监控面已全覆盖。");
    public const string SurroundingsHeading = "（三）校园周边环境问题极易反弹。";
    public static string SurroundingsKindName(Ledger.SurroundingsKind kind) => kind switch
    {
        Ledger.SurroundingsKind.TrafficCongestion => "学生上下学交通拥堵",
        Ledger.SurroundingsKind.ParentParking => "接送学生车辆停放不规范",
        Ledger.SurroundingsKind.UnlicensedVendors => "流动摊贩无证经营",
        Ledger.SurroundingsKind.InternetCafe => "网吧接纳未成年人",
        Ledger.SurroundingsKind.Harassment => "社会不良青年骚扰学生",
        _ => "其他周边问题",
    };
    public static string Surroundings(IReadOnlyList<SurroundingsLine> lines) => lines.Count == 0
        ? "本学期各学校未登记校园周边环境问题。"
        : "本学期各学校登记校园周边环境问题"
          + $"{lines.Sum(l => l.Problems)}起：" + string.Join("；", lines.Select(l => $"{SurroundingsKindName(l.Kind)}{l.Problems}起（{l.Schools}所学校）"))
          + $"；尚未解决{lines.Sum(l => l.Unresolved)}起。";
    public const string PlansHeading = "五、今后工作及其打算";
    public const string AppendixHeading = "附表：各学校安全工作情况";
    public static readonly string[] AppendixHeaders = ["序号", "学校名称", "乡镇", "周检（已开展/应开展）", "未销号隐患", "其中逾期", "缺保安", "演练达标"];
    public const string Yes = "是";
    public const string No = "否";
    public const string NoData = "—";
}

/// <summary>The fixed text of the school file (一校一档).</summary>
public static class SchoolFilePhrases
{
    public static string Title(string school) => $"{school}安全工作档案（一校一档）";
    public static string Subtitle(string term, DateOnly from, DateOnly to) => $"{term}（{ReportPhrases.Date(from)}至{ReportPhrases.Date(to)}）";
    public const string ProfileHeading = "一、学校基本情况";
    public const string Name = "学校名称";
    public const string Code = "学校代码";
    public const string Type = "学校类型";
    public const string Township = "所在乡镇";
    public const string Address = "地址";
    public const string Size = "办学规模";
    public static string SizeText(int students, int boarding, int staff, int floors) =>
        $"在校学生{students}人（其中住校生{boarding}人），教职工{staff}人，最高教学楼{floors}层";
    public const string Principal = "校（园）长";
    public const string SafetyContact = "安全工作负责人";
    public const string InspectionsHeading = "二、本学期周检月查";
    public static string InspectionsText(int weeks, int done, int hazards) =>
        $"本学期截至目前共{weeks}周，已提交周检记录{done}周，检查中发现隐患{hazards}处。";
    public static string Week(int n) => $"第{n}周";
    public static readonly string[] InspectionHeaders = ["周次", "日期", "状态", "发现隐患", "提交时间"];
    public const string TicketsHeading = "三、隐患排查整改";
    public static readonly string[] TicketHeaders = ["隐患编号", "隐患描述", "等级", "发现日期", "整改期限", "状态"];
    public const string DrillsHeading = "四、应急演练";
    public static readonly string[] DrillHeaders = ["日期", "类型", "疏散用时", "清点人数（实到/应到）", "受伤人数", "是否达标"];
    public const string TrainingHeading = "五、培训与安全教育";
    public static readonly string[] TrainingHeaders = ["日期", "类别", "名称", "人数"];
    public static string People(int n) => $"{n}人";
    public static string Students(int n) => $"学生{n}人次";
    public const string LedgerHeading = "六、台账资料与安全责任书";
    public static readonly string[] DocumentHeaders = ["资料类别", "现行版本", "生效日期"];
    public const string Missing = "缺";
    public static string Letters(int year, Ledger.SchoolLetterStatus s) =>
        $"{year}年度安全责任书：与县教体局"
        + (s.County is { } c ? $"已于{ReportPhrases.Date(c.SignedOn)}签订" : "尚未签订")
        + "；与教职工、班级"
        + (s.Staff is { } st ? $"已签订{st.SignedCount}/{st.TotalCount}份" + (st.IsComplete ? "" : "，尚未签全") : "尚未签订")
        + "。";
    public const string DefencesHeading = "七、“三防”建设";
    public const string NoDefenceRecord = "学校尚未填报“三防”建设情况。";
    public const string Personnel = "人防";
    public static string PersonnelText(int required, int present, int dormitoryManagers, bool patrol, bool gate24h) =>
        $"应配保安{required}名，现有{present}名" + (present < required ? $"，缺{required - present}名" : "")
        + $"；宿舍管理员{dormitoryManagers}名；" + (patrol ? "已成立护校队" : "未成立护校队") + "；" + (gate24h ? "门卫24小时值守" : "门卫未24小时值守");
    public const string Physical = "物防";
    public static string PhysicalText(bool closed, decimal? wall, bool barrier, int unsafeBuildings) =>
        (closed ? "实行封闭化管理" : "未实行封闭化管理") + "；"
        + (wall is { } w ? $"围墙最低处{w:0.0#}米" : "无围墙") + "；"
        + (barrier ? "校门已安装防冲撞设施" : "校门未安装防冲撞设施") + "；"
        + (unsafeBuildings > 0 ? $"鉴定不安全校舍{unsafeBuildings}栋" : "无鉴定不安全校舍");
    public const string Technical = "技防";
    public static string TechnicalText(int cameras, int blindSpots, int retention, Defences.AlarmState alarm) =>
        $"监控摄像头{cameras}个，盲区死角{blindSpots}处，图像存储{retention}天；{ReportNames.Alarm(alarm)}";
    public const string RecordedOn = "填报生效日期";
    public const string NoGaps = "对照现行标准，“三防”建设未发现差距。";
    public static string GapsIntro(int n) => $"对照现行标准，“三防”建设存在以下{n}项差距：";
    public const string None = "本学期无记录。";
    public const string Filler = "填表人（签字）：";
    public const string Leader = "学校负责人（签字、盖章）：";
}

/// <summary>The fixed text of the weekly inspection record sheet (周检月查记录表).</summary>
public static class WeeklySheetPhrases
{
    public const string Title = "学校安全周检月查记录表";
    public static string Heading(string school, int week, DateOnly monday) =>
        $"学校（园）：{school}        第{week}周（{ReportPhrases.Date(monday)}至{ReportPhrases.Date(monday.AddDays(6))}）";
    public static string StatusLine(string status, DateTime? submittedChina, DateTime? signedChina) =>
        $"记录状态：{status}"
        + (submittedChina is { } s ? $"；提交时间：{s:yyyy-MM-dd HH:mm}" : "")
        + (signedChina is { } g ? $"；审签时间：{g:yyyy-MM-dd HH:mm}" : "");
    public const string NotStarted = "本周尚未开展检查，以下为空白记录表，可打印后手工填写。";
    public static readonly string[] ItemHeaders = ["序号", "检查项目", "检查结果", "情况说明"];
    public const string HazardsHeading = "本周发现的安全隐患";
    public static readonly string[] HazardHeaders = ["检查项目", "隐患描述", "部位", "等级", "整改责任人", "整改期限"];
    public const string NoHazards = "本周检查未发现安全隐患。";
    public static string Summary(int items, int pass, int hazards, int notApplicable) =>
        $"本周共检查{items}项，合格{pass}项，发现隐患{hazards}项，不适用{notApplicable}项。";
    public const string Inspector = "检查人（签字）：";
    public const string SafetyHead = "安全处负责人（签字）：";
    public const string Principal = "校（园）长审签：";
}

/// <summary>The fixed text of the drill record (应急演练记录).</summary>
public static class DrillRecordPhrases
{
    public static string Title(string type) => $"{type}记录";
    public const string School = "学校";
    public const string Date = "演练日期";
    public const string Type = "演练类型";
    public const string Announced = "演练方式";
    public static string AnnouncedText(bool announced) => announced ? "预先通知" : "不预先通知（突击）";
    public const string Buildings = "疏散楼栋";
    public static string BuildingsText(string buildings, int floors) => $"{buildings}（最高{floors}层）";
    public const string Times = "信号发出/全部到达";
    public static string TimesText(TimeOnly signal, TimeOnly clear) => $"{signal:HH\\:mm\\:ss} / {clear:HH\\:mm\\:ss}";
    public const string Duration = "疏散用时";
    public static string Seconds(int seconds) => seconds >= 60 ? $"{seconds / 60}分{seconds % 60:00}秒" : $"{seconds}秒";
    public static string DurationText(int seconds, int? target) =>
        Seconds(seconds) + (target is { } t ? $"（标准{Seconds(t)}，{(seconds <= t ? "达标" : "超时")}）" : "");
    public const string Headcount = "学生清点";
    public static string HeadcountText(int counted, int expected) =>
        $"应到{expected}人，实到{counted}人" + (counted < expected ? $"，缺{expected - counted}人" : "，人数清点无误");
    public const string Staff = "参演教职工";
    public static string StaffText(int n) => $"{n}人";
    public const string Injuries = "受伤人数";
    public const string Problems = "存在问题";
    public const string Actions = "整改措施";
    public const string Evaluator = "评估人";
    public const string Evaluation = "演练评估";
    public const string Standard = "是否达到演练标准";
    public static string StandardText(bool meets, bool within, bool headcount, bool noInjuries, bool evaluated) => meets
        ? "达到演练标准"
        : "未达到演练标准：" + string.Join("、", new[] { within ? null : "疏散超时", headcount ? null : "人数清点不全", noInjuries ? null : "有人员受伤", evaluated ? null : "未作评估" }.Where(x => x is not null));
    public const string Photos = "现场照片";
    public static string PhotosText(int n) => n == 0 ? "无" : $"{n}张（存于系统）";
    public const string Recorder = "记录人（签字）：";
    public const string Leader = "学校负责人（签字、盖章）：";
}

/// <summary>The fixed text of the closing record (隐患整改销号记录).</summary>
public static class ClosingPhrases
{
    public const string Title = "隐患整改销号记录";
    public const string Rectification = "整改情况";
    public const string RectifiedOn = "整改完成日期";
    public const string Verification = "复查意见";
    public const string ClosedOn = "复查销号日期";
    public const string Verifier = "复查人";
    public const string OnTime = "是否按期";
    public static string OnTimeText(bool onTime) => onTime ? "按期完成" : "逾期完成";
    public const string History = "整改过程";
    public static readonly string[] HistoryHeaders = ["时间", "事项", "经办人", "说明"];
    public const string NotClosed = "该隐患尚未复查销号，不能出具销号记录。";
    public const string SchoolSign = "整改单位（盖章）：";
    public const string VerifierSign = "复查人（签字）：";
    public static string EventName(Hazards.TicketEventKind kind) => kind switch
    {
        Hazards.TicketEventKind.Opened => "登记隐患",
        Hazards.TicketEventKind.Started => "开始整改",
        Hazards.TicketEventKind.Rectified => "报请复查",
        Hazards.TicketEventKind.Rejected => "复查未通过",
        Hazards.TicketEventKind.Closed => "复查销号",
        Hazards.TicketEventKind.Supervised => "挂牌督办",
        Hazards.TicketEventKind.SupervisionLifted => "解除督办",
        Hazards.TicketEventKind.ExtensionRequested => "申请延期",
        Hazards.TicketEventKind.ExtensionApproved => "同意延期",
        Hazards.TicketEventKind.ExtensionRefused => "不同意延期",
        _ => "录入治理方案",
    };
}
