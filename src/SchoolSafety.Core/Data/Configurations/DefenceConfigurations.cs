using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSafety.Defences;

namespace SchoolSafety.Data.Configurations;

public class DefenceRecordConfiguration : IEntityTypeConfiguration<DefenceRecord>
{
    public void Configure(EntityTypeBuilder<DefenceRecord> b)
    {
        b.HasOne(r => r.School).WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Restrict);
        // One revision number per school: two people saving on the same base cannot both win.
        b.HasIndex(r => new { r.SchoolId, r.Revision }).IsUnique();
        b.HasIndex(r => new { r.SchoolId, r.EffectiveFrom });
        b.HasIndex(r => r.IsCurrent);
        b.Property(r => r.RecordedById).HasMaxLength(450);
        b.Property(r => r.RecordedByName).HasMaxLength(256);
        b.Property(r => r.Note).HasMaxLength(DefenceRecord.NoteMaxLength);
        b.Property(r => r.BlindSpotsDescription).HasMaxLength(DefenceRecord.BlindSpotsMaxLength);
        b.Property(r => r.LowestWallHeight).HasPrecision(4, 2);
        b.HasMany(r => r.Guards).WithOne(g => g.Record).HasForeignKey(g => g.RecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class DefenceGuardConfiguration : IEntityTypeConfiguration<DefenceGuard>
{
    public void Configure(EntityTypeBuilder<DefenceGuard> b)
    {
        b.Property(g => g.Name).HasMaxLength(DefenceGuard.NameMaxLength).IsRequired();
    }
}

public class StandardRuleSetConfiguration : IEntityTypeConfiguration<StandardRuleSet>
{
    public void Configure(EntityTypeBuilder<StandardRuleSet> b)
    {
        b.HasOne(r => r.Jurisdiction).WithMany().HasForeignKey(r => r.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
        // Versions are numbered per node; two administrators adding a version at once cannot both win.
        b.HasIndex(r => new { r.JurisdictionId, r.Version }).IsUnique();
        b.Property(r => r.CreatedById).HasMaxLength(450);
        b.Property(r => r.CreatedByName).HasMaxLength(256);
        b.Property(r => r.MinWallHeight).HasPrecision(4, 2);
        foreach (var source in new[]
                 {
                     nameof(StandardRuleSet.GuardsSource), nameof(StandardRuleSet.BoardersSource), nameof(StandardRuleSet.AgeSource),
                     nameof(StandardRuleSet.EducationSource), nameof(StandardRuleSet.QualificationSource), nameof(StandardRuleSet.PersonnelSource),
                     nameof(StandardRuleSet.WallSource), nameof(StandardRuleSet.PhysicalSource), nameof(StandardRuleSet.FireSource),
                     nameof(StandardRuleSet.RetentionSource), nameof(StandardRuleSet.CctvSource), nameof(StandardRuleSet.AlarmSource),
                 })
            b.Property(source).HasMaxLength(StandardRuleSet.SourceMaxLength).IsRequired();
    }
}
