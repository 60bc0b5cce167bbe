using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReportLens.Data.Entities;

namespace ReportLens.Data.Configurations;

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.ToTable("users");
        builder.HasIndex(u => u.Username).IsUnique();
        builder.Property(u => u.Username).HasMaxLength(Usernames.MaxLength).HasField("_username");
        builder.Property(u => u.NormalizedUsername).HasMaxLength(Usernames.MaxLength);
        builder.HasIndex(u => u.NormalizedUsername).IsUnique();
        builder.Property(u => u.Role).HasMaxLength(20);
    }
}
