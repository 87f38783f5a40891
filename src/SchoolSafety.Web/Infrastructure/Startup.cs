using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Localization;
using SchoolSafety.Auditing;
using SchoolSafety.Data;
using SchoolSafety.Identity;
using Serilog;
using Serilog.Events;

namespace SchoolSafety.Web.Infrastructure;

/// <summary>Service registration and the request pipeline, in the order a request meets them.</summary>
public static class Startup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en-US")];

    public static void AddSchoolSafety(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddSerilog((sp, log) =>
        {
            log.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .Enrich.FromLogContext();
            if (config.GetValue("Logging:Console", true))
                log.WriteTo.Console();
            var file = config["Logging:File"];
            if (!string.IsNullOrWhiteSpace(file))
                log.WriteTo.File(Path.Combine(builder.Environment.ContentRootPath, file),
                    rollingInterval: RollingInterval.Day, retainedFileCountLimit: 30);
        });

        // Chinese text goes into pages as characters, not as &#x...; entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // The keys that protect sign-in cookies and antiforgery tokens live in the database (table
        // DataProtectionKeys): they survive restarts, and every instance on the database shares them,
        // so a user signed in on one instance goes on on another. See docs/adr/0008.
        services.AddDataProtection()
            .SetApplicationName("SchoolSafety")
            .PersistKeysToDbContext<AppDbContext>();

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddAppDatabase(config, builder.Environment.ContentRootPath);

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<AppUserManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        var securePolicy = CookieSecurity.Policy(builder.Environment, config);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "SchoolSafety.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = securePolicy;
            // Idle sessions end: each request within the window moves it on (renewed past half-way).
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(CookieSecurity.SessionMinutes(config));
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "SchoolSafety.Antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = securePolicy;
        });

        services.AddSignInRateLimits(config);
        services.AddRequestConcurrencyLimit(config);
        services.AddForwardedHeaders(config);

        services.AddAuthorization(Policies.Add);
        services.AddSingleton<IAuthorizationHandler, SchoolAuthorizationHandler>();
        services.AddScoped<SchoolAccess>();
        services.AddScoped<SchoolSafety.Auditing.DownloadAudit>();
        services.AddScoped<TableDownload>();
        services.AddScoped<SchoolSafety.Schools.SchoolImport>();
        services.AddScoped<SchoolSafety.Inspections.InspectionService>();
        services.AddScoped<SchoolSafety.Hazards.TicketService>();
        services.AddScoped<SchoolSafety.Hazards.TicketDigest>();
        services.AddScoped<SchoolSafety.Drills.DrillCompliance>();
        services.AddScoped<SchoolSafety.Dashboard.DashboardService>();
        services.AddScoped<SchoolSafety.Reports.TermReportService>();
        services.AddSingleton(config.GetSection("Risk").Get<SchoolSafety.Dashboard.RiskOptions>() ?? new());
        services.AddScoped<SchoolSafety.Defences.DefenceService>();
        services.AddScoped<SchoolSafety.Defences.DefenceFigures>();
        var reports = config.GetSection(SchoolSafety.Reports.ReportOptions.Section).Get<SchoolSafety.Reports.ReportOptions>() ?? new();
        if (!string.IsNullOrWhiteSpace(reports.FontPath)) reports.FontPath = Path.Combine(builder.Environment.ContentRootPath, reports.FontPath);
        services.AddSingleton(reports);
        services.AddSingleton<SchoolSafety.Reports.ReportFonts>();
        var storage = config.GetSection("Storage").Get<SchoolSafety.Files.FileStorageOptions>() ?? new();
        storage.Root = Path.Combine(builder.Environment.ContentRootPath, storage.Root);
        services.AddSingleton(storage);
        services.AddSingleton<SchoolSafety.Files.FileStorage>();
        services.AddSingleton<PhotoLimit>();
        services.AddSingleton(config.GetSection("Reminders").Get<SchoolSafety.Notifications.ReminderOptions>() ?? new());
        services.AddScoped<SchoolSafety.Notifications.InspectionReminders>();
        services.AddScoped<SchoolSafety.Notifications.TicketNotifications>();
        if (config.GetValue("Reminders:Enabled", true))
            services.AddHostedService<ReminderWorker>();
        if (config.GetValue("Dashboard:RefreshMinutes", 10) > 0)
            services.AddHostedService<StandingsWorker>();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // The language is the user's choice (cookie), never guessed from the browser.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<MustChangePasswordFilter>();
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();
        services.AddSingleton<IValidationAttributeAdapterProvider, LocalizedRequiredAdapters>();
        services.Configure<RazorViewEngineOptions>(o =>
        {
            // Feature folders: Features/{Controller}/{View}.cshtml, shared views in Features/Shared.
            o.ViewLocationFormats.Clear();
            o.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
            // The school's ledger records (documents, letters, surroundings) share Features/Ledger.
            o.ViewLocationFormats.Add("/Features/Ledger/{1}/{0}" + RazorViewEngine.ViewExtension);
            o.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
        });

        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
    }

    public static void UseSchoolSafety(this WebApplication app)
    {
        // Behind a reverse proxy (when configured): the client's address and scheme before anything uses them.
        app.UseConfiguredForwardedHeaders();
        // First of our own, so every response (error pages included) carries CSP, nosniff, frame and referrer headers.
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Errors/500");
            app.UseHsts();
        }
        // Database server down: 503 and a short page in every environment, and the app recovers by itself when it is back.
        app.UseMiddleware<DatabaseUnavailableMiddleware>();
        app.UseStatusCodePagesWithReExecute("/Errors/{0}");
        app.UseStaticFiles();
        app.UseSerilogRequestLogging(o =>
            o.EnrichDiagnosticContext = (diagnostics, http) =>
                diagnostics.Set("UserId", http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "-"));
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
    }
}

/// <summary>MVC's model-binding messages ("the value is invalid"...) in the user's language.</summary>
public sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory)
    : Microsoft.Extensions.Options.IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var l = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetValueMustNotBeNullAccessor(_ => l["Validation.Required"]);
        m.SetMissingBindRequiredValueAccessor(_ => l["Validation.Required"]);
        m.SetMissingKeyOrValueAccessor(() => l["Validation.Required"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.Required"]);
        m.SetAttemptedValueIsInvalidAccessor((value, _) => l["Validation.InvalidValue", value]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["Validation.InvalidValue", value]);
        m.SetUnknownValueIsInvalidAccessor(_ => l["Validation.Invalid"]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Validation.Invalid"]);
        m.SetValueIsInvalidAccessor(value => l["Validation.InvalidValue", value]);
        m.SetValueMustBeANumberAccessor(_ => l["Validation.Number"]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.Number"]);
    }
}

/// <summary>
/// MVC gives every value-type field (a checkbox, a number) a [Required] of its own for the browser's validation, with
/// .NET's English default message; here it, and any [Required] declared without a message, says "请填写…" from the resources.
/// </summary>
public sealed class LocalizedRequiredAdapters : IValidationAttributeAdapterProvider
{
    private readonly ValidationAttributeAdapterProvider inner = new();

    public IAttributeAdapter? GetAttributeAdapter(ValidationAttribute attribute, IStringLocalizer? stringLocalizer) =>
        inner.GetAttributeAdapter(attribute is RequiredAttribute { ErrorMessage: null, ErrorMessageResourceType: null } required
            ? new RequiredAttribute { ErrorMessage = "Validation.Required", AllowEmptyStrings = required.AllowEmptyStrings }
            : attribute, stringLocalizer);
}
