using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSafety.Jurisdictions;

namespace SchoolSafety.Data.Configurations;

public class JurisdictionConfiguration : IEntityTypeConfiguration<Jurisdiction>
{
    public void Configure(EntityTypeBuilder<Jurisdiction> b)
    {
        b.Property(j => j.Code).HasMaxLength(12).IsRequired();
        b.HasIndex(j => j.Code).IsUnique();
        b.Property(j => j.Name).HasMaxLength(50).IsRequired();
        b.Property(j => j.Path).HasMaxLength(200).IsRequired();
        b.HasIndex(j => j.Path);
        b.HasOne(j => j.Parent).WithMany(j => j.Children).HasForeignKey(j => j.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
