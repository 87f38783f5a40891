using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSafety.Ledger;

namespace SchoolSafety.Data.Configurations;

public class RequiredDocumentTypeConfiguration : IEntityTypeConfiguration<RequiredDocumentType>
{
    public void Configure(EntityTypeBuilder<RequiredDocumentType> b)
    {
        b.Property(t => t.Name).HasMaxLength(RequiredDocumentType.NameMaxLength).IsRequired();
        b.Property(t => t.NameEn).HasMaxLength(RequiredDocumentType.NameEnMaxLength);
        b.HasIndex(t => t.Name).IsUnique();
    }
}

public class SafetyDocumentConfiguration : IEntityTypeConfiguration<SafetyDocument>
{
    public void Configure(EntityTypeBuilder<SafetyDocument> b)
    {
        b.HasOne(d => d.School).WithMany().HasForeignKey(d => d.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.DocumentType).WithMany().HasForeignKey(d => d.DocumentTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.File).WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.Title).HasMaxLength(SafetyDocument.TitleMaxLength);
        b.Property(d => d.Note).HasMaxLength(SafetyDocument.NoteMaxLength);
        b.Property(d => d.UploadedById).HasMaxLength(450);
        b.Property(d => d.UploadedByName).HasMaxLength(256).IsRequired();
        b.HasIndex(d => new { d.SchoolId, d.DocumentTypeId, d.EffectiveOn });
    }
}

public class ResponsibilityLetterConfiguration : IEntityTypeConfiguration<ResponsibilityLetter>
{
    public void Configure(EntityTypeBuilder<ResponsibilityLetter> b)
    {
        b.HasOne(l => l.School).WithMany().HasForeignKey(l => l.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(l => l.ScanFile).WithMany().HasForeignKey(l => l.ScanFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.SchoolId, l.Year, l.Level }).IsUnique();
        b.HasIndex(l => new { l.Year, l.Level });
        b.Property(l => l.SignerName).HasMaxLength(ResponsibilityLetter.PersonMaxLength);
        b.Property(l => l.Note).HasMaxLength(ResponsibilityLetter.NoteMaxLength);
        b.Property(l => l.RecordedById).HasMaxLength(450);
        b.Property(l => l.RecordedByName).HasMaxLength(256).IsRequired();
        b.Ignore(l => l.IsComplete);
    }
}

public class SurroundingsIssueConfiguration : IEntityTypeConfiguration<SurroundingsIssue>
{
    public void Configure(EntityTypeBuilder<SurroundingsIssue> b)
    {
        b.HasOne(i => i.School).WithMany().HasForeignKey(i => i.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.Property(i => i.Location).HasMaxLength(SurroundingsIssue.LocationMaxLength).IsRequired();
        b.Property(i => i.Description).HasMaxLength(SurroundingsIssue.TextMaxLength).IsRequired();
        b.Property(i => i.Outcome).HasMaxLength(SurroundingsIssue.TextMaxLength);
        b.Property(i => i.ReportedToDetail).HasMaxLength(SurroundingsIssue.DetailMaxLength);
        b.Property(i => i.RecordedById).HasMaxLength(450);
        b.Property(i => i.UpdatedById).HasMaxLength(450);
        b.HasIndex(i => new { i.SchoolId, i.Kind, i.ObservedOn });
        b.HasIndex(i => new { i.Status, i.ObservedOn });
    }
}
