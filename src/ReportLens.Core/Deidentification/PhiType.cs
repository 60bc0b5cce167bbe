namespace ReportLens.Core.Deidentification;

/// <summary>What kind of identifier a span is. On the wire: name, id_number, phone, record_number, date, age, address, organisation, other.</summary>
public enum PhiType
{
    Name,
    IdNumber,
    Phone,
    RecordNumber,
    Date,
    Age,
    Address,
    Organisation,
    Other,
}
