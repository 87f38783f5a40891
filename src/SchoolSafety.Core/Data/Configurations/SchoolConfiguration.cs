using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSafety.Schools;

namespace SchoolSafety.Data.Configurations;

public class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> b)
    {
        b.Property(s => s.Code).HasMaxLength(School.CodeMaxLength).IsRequired();
        b.HasIndex(s => s.Code).IsUnique();
        b.Property(s => s.Name).HasMaxLength(School.NameMaxLength).IsRequired();
        b.Property(s => s.Township).HasMaxLength(School.TownshipMaxLength).IsRequired();
        b.Property(s => s.Address).HasMaxLength(School.AddressMaxLength);
        b.Property(s => s.PrincipalName).HasMaxLength(School.PersonMaxLength);
        b.Property(s => s.PrincipalPhone).HasMaxLength(School.PhoneMaxLength);
        b.Property(s => s.SafetyContactName).HasMaxLength(School.PersonMaxLength);
        b.Property(s => s.SafetyContactPhone).HasMaxLength(School.PhoneMaxLength);
        b.HasOne(s => s.Jurisdiction).WithMany().HasForeignKey(s => s.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.JurisdictionId, s.Township });
    }
}
