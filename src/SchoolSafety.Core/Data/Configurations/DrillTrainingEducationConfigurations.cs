using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSafety.Drills;
using SchoolSafety.Education;
using SchoolSafety.Files;
using SchoolSafety.Hazards;
using SchoolSafety.Identity;
using SchoolSafety.Training;

namespace SchoolSafety.Data.Configurations;

public class DrillConfiguration : IEntityTypeConfiguration<Drill>
{
    public void Configure(EntityTypeBuilder<Drill> b)
    {
        b.HasOne(d => d.School).WithMany().HasForeignKey(d => d.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.SchoolId, d.Date });
        b.Property(d => d.Buildings).HasMaxLength(Drill.ShortMaxLength).IsRequired();
        b.Property(d => d.Evaluator).HasMaxLength(TrainingAttendee.NameMaxLength).IsRequired();
        b.Property(d => d.Problems).HasMaxLength(Drill.TextMaxLength);
        b.Property(d => d.Actions).HasMaxLength(Drill.TextMaxLength);
        b.Property(d => d.Evaluation).HasMaxLength(Drill.TextMaxLength);
        b.Property(d => d.CreatedById).HasMaxLength(450);
        b.Ignore(d => d.DurationSeconds);
        b.HasMany(d => d.Photos).WithOne().HasForeignKey(f => f.DrillId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany<HazardTicket>().WithOne().HasForeignKey(t => t.DrillId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> b)
    {
        b.HasOne(s => s.Jurisdiction).WithMany().HasForeignKey(s => s.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.School).WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Title).HasMaxLength(TrainingSession.TitleMaxLength).IsRequired();
        b.Property(s => s.Venue).HasMaxLength(TrainingSession.TitleMaxLength).IsRequired();
        b.Property(s => s.Speakers).HasMaxLength(TrainingSession.TextMaxLength).IsRequired();
        b.Property(s => s.CreatedById).HasMaxLength(450);
        b.HasIndex(s => s.Date);
        b.HasMany(s => s.Attendees).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class TrainingAttendeeConfiguration : IEntityTypeConfiguration<TrainingAttendee>
{
    public void Configure(EntityTypeBuilder<TrainingAttendee> b)
    {
        b.Property(a => a.Name).HasMaxLength(TrainingAttendee.NameMaxLength).IsRequired();
        b.Property(a => a.Position).HasMaxLength(TrainingAttendee.NameMaxLength);
        b.HasOne(a => a.School).WithMany().HasForeignKey(a => a.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.SchoolId);
    }
}

public class EducationRecordConfiguration : IEntityTypeConfiguration<EducationRecord>
{
    public void Configure(EntityTypeBuilder<EducationRecord> b)
    {
        b.HasOne(r => r.School).WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.SchoolId, r.Date });
        b.Property(r => r.Title).HasMaxLength(EducationRecord.TitleMaxLength).IsRequired();
        b.Property(r => r.Topics).HasMaxLength(500).IsRequired();
        b.Property(r => r.CreatedById).HasMaxLength(450);
        b.Ignore(r => r.TopicKeys);
    }
}

public class EducationTopicConfiguration : IEntityTypeConfiguration<EducationTopic>
{
    public void Configure(EntityTypeBuilder<EducationTopic> b)
    {
        b.Property(t => t.Key).HasMaxLength(40).IsRequired();
        b.HasIndex(t => t.Key).IsUnique();
        b.Property(t => t.NameZh).HasMaxLength(50).IsRequired();
        b.Property(t => t.NameEn).HasMaxLength(80).IsRequired();
    }
}
