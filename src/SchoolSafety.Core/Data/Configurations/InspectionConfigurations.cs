using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSafety.Identity;
using SchoolSafety.Files;
using SchoolSafety.Hazards;
using SchoolSafety.Inspections;

namespace SchoolSafety.Data.Configurations;

public class ChecklistTemplateConfiguration : IEntityTypeConfiguration<ChecklistTemplate>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplate> b)
    {
        b.Property(t => t.Name).HasMaxLength(100).IsRequired();
        // Not unique: every special inspection's item list is a template of version 0.
        b.HasIndex(t => t.Version);
        b.HasMany(t => t.Items).WithOne(i => i.Template).HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> b)
    {
        b.Property(i => i.Key).HasMaxLength(10).IsRequired();
        b.Property(i => i.NameZh).HasMaxLength(50).IsRequired();
        b.Property(i => i.NameEn).HasMaxLength(100).IsRequired();
        b.HasIndex(i => new { i.TemplateId, i.Key }).IsUnique();
        b.HasMany(i => i.CheckPoints).WithOne().HasForeignKey(p => p.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class CheckPointConfiguration : IEntityTypeConfiguration<CheckPoint>
{
    public void Configure(EntityTypeBuilder<CheckPoint> b)
    {
        b.Property(p => p.TextZh).HasMaxLength(200).IsRequired();
        b.Property(p => p.TextEn).HasMaxLength(300).IsRequired();
    }
}

public class TermConfiguration : IEntityTypeConfiguration<Term>
{
    public void Configure(EntityTypeBuilder<Term> b)
    {
        b.Property(t => t.Name).HasMaxLength(50).IsRequired();
        b.HasOne(t => t.Jurisdiction).WithMany().HasForeignKey(t => t.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.JurisdictionId, t.Start });
    }
}

public class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.Ignore(i => i.Week);
        b.HasOne(i => i.School).WithMany().HasForeignKey(i => i.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.Template).WithMany().HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Results).WithOne(r => r.Inspection).HasForeignKey(r => r.InspectionId).OnDelete(DeleteBehavior.Cascade);
        b.Property(i => i.CreatedById).HasMaxLength(450);
        b.Property(i => i.UpdatedById).HasMaxLength(450);
        b.Property(i => i.SubmittedById).HasMaxLength(450);
        b.Property(i => i.SignedOffById).HasMaxLength(450);
        b.HasIndex(i => new { i.SchoolId, i.WeekNumber, i.Revision }).IsUnique();
        b.HasIndex(i => new { i.WeekNumber, i.IsCurrent });
        b.HasOne(i => i.Campaign).WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class InspectionResultConfiguration : IEntityTypeConfiguration<InspectionResult>
{
    public void Configure(EntityTypeBuilder<InspectionResult> b)
    {
        b.HasOne(r => r.Item).WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Note).HasMaxLength(InspectionRules.NoteMaxLength);
        b.Property(r => r.NotApplicableReason).HasMaxLength(InspectionRules.NoteMaxLength);
        b.Property(r => r.HazardDescription).HasMaxLength(HazardTicket.DescriptionMaxLength);
        b.Property(r => r.ResponsiblePerson).HasMaxLength(HazardTicket.PersonMaxLength);
        b.Property(r => r.InterimMeasures).HasMaxLength(HazardTicket.DescriptionMaxLength);
        b.HasMany(r => r.Photos).WithOne().HasForeignKey(f => f.InspectionResultId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.InspectionId, r.ItemId }).IsUnique();
    }
}

public class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.ContentType).HasMaxLength(StoredFile.ContentTypeMaxLength).IsRequired();
        b.Property(f => f.FileName).HasMaxLength(StoredFile.FileNameMaxLength);
        b.Ignore(f => f.IsImage);
        b.Property(f => f.StorageKey).HasMaxLength(200).IsRequired();
        b.Property(f => f.CreatedById).HasMaxLength(450);
        b.HasOne(f => f.School).WithMany().HasForeignKey(f => f.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class HazardTicketConfiguration : IEntityTypeConfiguration<HazardTicket>
{
    public void Configure(EntityTypeBuilder<HazardTicket> b)
    {
        b.Property(t => t.Number).HasMaxLength(40).IsRequired();
        b.HasIndex(t => new { t.SchoolId, t.Number });
        b.HasIndex(t => t.Number).IsUnique();
        b.Property(t => t.Description).HasMaxLength(HazardTicket.DescriptionMaxLength).IsRequired();
        b.Property(t => t.ResponsibleName).HasMaxLength(HazardTicket.PersonMaxLength).IsRequired();
        b.Property(t => t.FoundById).HasMaxLength(450);
        b.HasOne(t => t.School).WithMany().HasForeignKey(t => t.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.InspectionResult).WithMany().HasForeignKey(t => t.InspectionResultId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.ChecklistItem).WithMany().HasForeignKey(t => t.ChecklistItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.SchoolId, t.Status });
        // The dashboard counts the open tickets of every school from this index alone (no table read): keep every column it looks at.
        b.HasIndex(t => new { t.Status, t.SchoolId, t.Deadline, t.FoundOn, t.Grade, t.IsSupervised }).HasDatabaseName("IX_HazardTickets_Open");
        b.HasIndex(t => new { t.SchoolId, t.ChecklistItemId, t.ClosedOn });
        b.Property(t => t.RectificationNote).HasMaxLength(HazardTicket.DescriptionMaxLength);
        b.Property(t => t.VerificationNote).HasMaxLength(HazardTicket.DescriptionMaxLength);
        b.Property(t => t.SupervisionNote).HasMaxLength(HazardTicket.DescriptionMaxLength);
        b.Property(t => t.InterimMeasures).HasMaxLength(HazardTicket.DescriptionMaxLength);
        b.Property(t => t.ExtensionReason).HasMaxLength(HazardTicket.DescriptionMaxLength);
        b.Property(t => t.ExtensionRequestedById).HasMaxLength(450);
        b.Property(t => t.RectifiedById).HasMaxLength(450);
        b.Property(t => t.ClosedById).HasMaxLength(450);
        b.Property(t => t.ResponsiblePhone).HasMaxLength(HazardTicket.PhoneMaxLength);
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.ResponsibleUserId).OnDelete(DeleteBehavior.Restrict);
        b.Property(t => t.SourceReference).HasMaxLength(HazardTicket.PersonMaxLength * 2);
        foreach (var plan in new[] { nameof(HazardTicket.PlanGoal), nameof(HazardTicket.PlanMeasures), nameof(HazardTicket.PlanFunds), nameof(HazardTicket.PlanPeople), nameof(HazardTicket.PlanSafety) })
            b.Property(plan).HasMaxLength(HazardTicket.DescriptionMaxLength);
        b.Ignore(t => t.HasPlan);
        b.Ignore(t => t.VerificationDue);
        b.HasMany(t => t.Events).WithOne().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany<StoredFile>().WithOne().HasForeignKey(f => f.HazardTicketId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.Property(c => c.Title).HasMaxLength(Campaign.TitleMaxLength).IsRequired();
        b.Property(c => c.CreatedById).HasMaxLength(450);
        b.HasOne(c => c.Jurisdiction).WithMany().HasForeignKey(c => c.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Template).WithMany().HasForeignKey(c => c.TemplateId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Schools).WithOne().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(c => c.ResponseNumber);
    }
}

public class CampaignSchoolConfiguration : IEntityTypeConfiguration<CampaignSchool>
{
    public void Configure(EntityTypeBuilder<CampaignSchool> b)
    {
        b.HasKey(s => new { s.CampaignId, s.SchoolId });
        b.HasOne(s => s.School).WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> b)
    {
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Note).HasMaxLength(HazardTicket.DescriptionMaxLength);
        b.HasIndex(e => new { e.TicketId, e.At });
    }
}

public class SchoolTermSummaryConfiguration : IEntityTypeConfiguration<Dashboard.SchoolTermSummary>
{
    public void Configure(EntityTypeBuilder<Dashboard.SchoolTermSummary> b)
    {
        b.HasKey(s => new { s.SchoolId, s.TermStart });
        b.HasIndex(s => new { s.TermStart, s.SchoolId });
        b.HasOne(s => s.School).WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.FoundPerWeek).HasMaxLength(400);
        b.Property(s => s.ClosedPerWeek).HasMaxLength(400);
        b.Property(s => s.Topics).HasMaxLength(1000);
    }
}

public class SchoolStandingConfiguration : IEntityTypeConfiguration<Dashboard.SchoolStanding>
{
    public void Configure(EntityTypeBuilder<Dashboard.SchoolStanding> b)
    {
        b.HasKey(s => s.SchoolId);
        b.HasOne(s => s.School).WithOne().HasForeignKey<Dashboard.SchoolStanding>(s => s.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Gaps).HasMaxLength(400);
    }
}
