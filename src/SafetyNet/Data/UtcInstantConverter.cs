using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SafetyNet.Data;

/// <summary>Stores an instant as a UTC <see cref="DateTime"/>, which both providers order and compare.</summary>
internal sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTime>(
    instant => instant.UtcDateTime,
    stored => new DateTimeOffset(DateTime.SpecifyKind(stored, DateTimeKind.Utc)));
