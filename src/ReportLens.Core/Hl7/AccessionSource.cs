namespace ReportLens.Core.Hl7;

/// <summary>Where a RIS puts the accession number: OBR-3 (filler order number, the default), OBR-18 (placer field 1, IHE's older habit) or ORC-3.</summary>
public enum AccessionSource
{
    Obr3,
    Obr18,
    Orc3,
}
