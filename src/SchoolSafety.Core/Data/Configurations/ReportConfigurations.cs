using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSafety.Reports;

namespace SchoolSafety.Data.Configurations;

public class TermReportNarrativeConfiguration : IEntityTypeConfiguration<TermReportNarrative>
{
    public void Configure(EntityTypeBuilder<TermReportNarrative> b)
    {
        b.HasOne(n => n.Jurisdiction).WithMany().HasForeignKey(n => n.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(n => n.Term).WithMany().HasForeignKey(n => n.TermId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(n => new { n.JurisdictionId, n.TermId }).IsUnique();
        b.HasIndex(n => n.TermId);
        b.Property(n => n.Deployment).HasMaxLength(TermReportNarrative.TextMaxLength);
        b.Property(n => n.Plans).HasMaxLength(TermReportNarrative.TextMaxLength);
        b.Property(n => n.UpdatedById).HasMaxLength(450);
        b.Property(n => n.UpdatedByName).HasMaxLength(256);
    }
}
