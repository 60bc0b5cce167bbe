using System.Text;

namespace ReportLens.Core.Tests.Hl7;

/// <summary>Hand-written ORU^R01 messages in the shape of the HL7 v2.5.1 and IHE RAD-28 examples (invented patients and reports).</summary>
internal static class OruMessages
{
    public static string Segments(params string[] segments) => string.Join('\r', segments) + "\r";

    public static byte[] Utf8(params string[] segments) => Encoding.UTF8.GetBytes(Segments(segments));

    public static string EnglishChest(string controlId = "MSG00001", string accession = "ACC-1001", string status = "F", string version = "2.5.1") => Segments(
        $@"MSH|^~\&|RIS|GENHOSP|REPORTLENS|GENHOSP|20261120083000||ORU^R01^ORU_R01|{controlId}|P|{version}||||||UNICODE UTF-8",
        "PID|1||PAT-555^^^GENHOSP^MR||Example^Pat||19700101|F",
        "PV1|1|O",
        $@"ORC|RE|PLC-77|{accession}",
        $@"OBR|1|PLC-77|{accession}|71020^CHEST 2 VIEWS^C4|||20261120081500|||||||||||RAD-18-X||||20261120082900||CR|{status}",
        "OBX|1|TX|18782-3^Radiology Study observation^LN||FINDINGS:~The lungs are clear. No pleural effusion.||||||F",
        "OBX|2|TX|19005-8^Radiology Impression^LN||IMPRESSION:~No acute cardiopulmonary disease.||||||F");

    public static string ChineseCt(string controlId = "ZH00001", string accession = "CT20261120001", string charset = "UNICODE UTF-8") => Segments(
        $@"MSH|^~\&|RIS|市人民医院|REPORTLENS|市人民医院|20261120093000||ORU^R01^ORU_R01|{controlId}|P|2.5.1|||||CHN|{charset}",
        "PID|1||P0001^^^H^MR||张^三||19650312|M",
        $@"OBR|1||{accession}|CT-CHEST^胸部CT平扫^L|||20261120090000|||||||||||||||||CT|F",
        "OBX|1|FT|GDT^检查所见^L||双肺纹理增多。\\.br\\右肺上叶见一结节，大小约8mm×6mm。||||||F",
        "OBX|2|FT|IMP^诊断意见^L||右肺上叶结节，建议随访。||||||F");
}
