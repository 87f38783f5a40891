using SchoolSafety.Defences;
using SchoolSafety.Drills;
using SchoolSafety.Education;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;
using SchoolSafety.Schools;
using SchoolSafety.Training;

namespace SchoolSafety.Reports;

/// <summary>The Chinese names the printed documents use for the product's enumerations.</summary>
public static class ReportNames
{
    public static string SchoolType(SchoolType t) => t switch
    {
        Schools.SchoolType.Kindergarten => "幼儿园",
        Schools.SchoolType.Primary => "小学",
        Schools.SchoolType.Junior => "初中",
        Schools.SchoolType.NineYear => "九年一贯制学校",
        Schools.SchoolType.Senior => "高中",
        Schools.SchoolType.Complete => "完全中学",
        Schools.SchoolType.Vocational => "职业学校",
        _ => "特殊教育学校",
    };

    public static string InspectionStatus(InspectionStatus? s) => s switch
    {
        Inspections.InspectionStatus.Draft => "未提交（草稿）",
        Inspections.InspectionStatus.Submitted => "已提交",
        Inspections.InspectionStatus.SignedOff => "已审签",
        _ => "未开展",
    };

    public static string HazardStatus(HazardStatus s) => s switch
    {
        Hazards.HazardStatus.Open => "待整改",
        Hazards.HazardStatus.Rectifying => "整改中",
        Hazards.HazardStatus.AwaitingVerification => "待复查",
        _ => "已销号",
    };

    public static string Outcome(Outcome? o) => o switch
    {
        Inspections.Outcome.Pass => "合格",
        Inspections.Outcome.Hazard => "发现隐患",
        Inspections.Outcome.NotApplicable => "不适用",
        _ => "未检查",
    };

    public static string DrillType(DrillType t) => t switch
    {
        Drills.DrillType.Earthquake => "防震演练",
        Drills.DrillType.AntiTerror => "反恐防暴演练",
        Drills.DrillType.Flood => "防涝演练",
        Drills.DrillType.Fire => "消防（火灾）演练",
        Drills.DrillType.Stampede => "防踩踏演练",
        Drills.DrillType.FoodPoisoning => "食物中毒应急演练",
        Drills.DrillType.Epidemic => "疫情疫病应急演练",
        Drills.DrillType.SchoolBus => "校车应急演练",
        _ => "其他应急演练",
    };

    public static string TrainingLevel(TrainingLevel l) => l == Training.TrainingLevel.County ? "县级培训" : "校级培训";

    public static string EducationKind(EducationKind k) => k switch
    {
        Education.EducationKind.FirstLesson => "开学第一课",
        Education.EducationKind.ThemeLesson => "主题教育课",
        _ => "致家长一封信",
    };

    public static string Alarm(AlarmState a) => a switch
    {
        AlarmState.LinkedTo110 => "一键式报警已联动110",
        AlarmState.Local => "一键式报警未联动110",
        _ => "未安装一键式报警",
    };
}
