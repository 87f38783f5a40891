using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSafety.Auditing;

namespace SchoolSafety.Data.Configurations;

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.EntityType).HasMaxLength(100).IsRequired();
        b.Property(a => a.EntityKey).HasMaxLength(100).IsRequired();
        b.Property(a => a.Changes).IsRequired();
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.SchoolId, a.At });
        b.HasIndex(a => new { a.UserId, a.At });
        b.HasIndex(a => new { a.EntityType, a.EntityKey });
    }
}
