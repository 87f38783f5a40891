namespace SchoolSafety.Schools;

/// <summary>School types of design §3. The numbers are stored; never renumber.</summary>
public enum SchoolType
{
    Kindergarten = 1,   // 幼儿园
    Primary = 2,        // 小学
    Junior = 3,         // 初中
    NineYear = 4,       // 九年一贯制
    Senior = 5,         // 高中
    Complete = 6,       // 完全中学
    Vocational = 7,     // 职业学校
    Special = 8,        // 特殊教育
}
