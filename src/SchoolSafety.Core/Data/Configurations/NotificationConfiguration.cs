using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSafety.Identity;
using SchoolSafety.Notifications;

namespace SchoolSafety.Data.Configurations;

public class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.UserId).HasMaxLength(450).IsRequired();
        b.Property(n => n.Kind).HasMaxLength(50).IsRequired();
        b.Property(n => n.Key).HasMaxLength(50).IsRequired();
        b.Property(n => n.MessageKey).HasMaxLength(100).IsRequired();
        b.Property(n => n.Args).HasMaxLength(500).IsRequired();
        b.Property(n => n.Link).HasMaxLength(300);
        b.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.UserId, n.Kind, n.Key }).IsUnique();
        b.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}
